using System.Net;
using IvsChat.Emulator.Api;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Control;
using IvsChat.Emulator.Messaging;
using IvsChat.Emulator.State;
using IvsChat.Emulator.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IvsChat.Emulator.Hosting;

/// <summary>A started service: its base URL and services; dispose to stop it.</summary>
public sealed class RunningEmulator(WebApplication app, Uri baseUrl) : IAsyncDisposable
{
    public WebApplication App { get; } = app;
    /// <summary>e.g. http://127.0.0.1:54321</summary>
    public Uri BaseUrl { get; } = baseUrl;
    public Uri MessagingUrl { get; } = new UriBuilder(baseUrl) { Scheme = "ws" }.Uri;
    public EmulatorOptions Options => App.Services.GetRequiredService<EmulatorOptions>();
    public IServiceProvider Services => App.Services;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Builds and starts the service; used by Program and by in-process tests.</summary>
public static class EmulatorHost
{
    public static WebApplication Build(EmulatorOptions options, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Stdout carries only the settings lines; request logs go to stderr when asked for.
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        }
        else
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Error);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Critical);
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = OperationPipeline.MaxBodyBytes;
            k.Limits.MaxRequestBufferSize = 64 * 1024; // what one connection may hold unread (default 1 MB)
            // Kestrel cannot bind "localhost" to port 0, so localhost means the IPv4 loopback.
            k.Listen(options.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host), options.Port,
                RefusalShaping.Use);
        });
        builder.WebHost.UseUrls(); // the Listen above is the only binding

        var services = builder.Services;
        services.AddSingleton(options);
        time ??= TimeProvider.System;
        if (options.ClockSkewSeconds != 0) time = new SkewedClock(time, TimeSpan.FromSeconds(options.ClockSkewSeconds));
        services.AddSingleton(time);
        services.AddSingleton<ChatStores>();
        services.AddSingleton<ChatTokens>();
        services.AddSingleton<PageTokens>();
        services.AddSingleton<SigV4Verifier>();
        services.AddSingleton<TestControls>();
        services.AddSingleton<ApiRateQuotas>();
        services.AddSingleton<OperationPipeline>();
        services.AddSingleton<ControlPlaneApis>();
        if (options.MessagingSettings != null) services.AddSingleton(options.MessagingSettings);
        services.AddIvsChatMessaging();

        var app = builder.Build();
        app.Use((ctx, next) =>
        {
            ctx.Response.Headers[AwsJson.RequestIdHeader] = Guid.NewGuid().ToString();
            // The service's own clock (Kestrel's would be the real one): SDKs correct their clock skew from it.
            ctx.Response.Headers.Date = time.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return next(ctx);
        });
        app.UseWebSockets();
        ControlSurface.UseGuard(app);
        app.MapIvsChatMessaging();
        ControlSurface.Map(app);
        ControlPlaneApi.Map(app);
        return app;
    }

    /// <summary>Starts listening and returns once the port is known.</summary>
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var app = Build(options, time);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address);
        string host = url.Host is "0.0.0.0" or "[::]" ? "127.0.0.1" : url.Host;
        return new RunningEmulator(app, new UriBuilder("http", host, url.Port).Uri);
    }

    /// <summary>The command line entry: prints the settings lines, then runs until Ctrl+C / SIGTERM.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        EmulatorOptions? options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (EmulatorOptionsException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }
        if (options == null)
        {
            Console.WriteLine(EmulatorOptions.Usage);
            return 0;
        }
        RunningEmulator running;
        try
        {
            running = await StartAsync(options);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen on {options.Host}:{options.Port}: {e.Message}");
            return 1;
        }
        await using (running)
        {
            string baseUrl = running.BaseUrl.GetLeftPart(UriPartial.Authority);
            var stdout = Console.Out;
            stdout.WriteLine($"IVSCHAT_ENDPOINT={baseUrl}");
            stdout.WriteLine($"IVSCHAT_MESSAGING_ENDPOINT={running.MessagingUrl.GetLeftPart(UriPartial.Authority)}");
            stdout.WriteLine($"AWS_REGION={options.Region}");
            stdout.WriteLine($"AWS_ACCESS_KEY_ID={options.AccessKeyId}");
            stdout.WriteLine($"AWS_SECRET_ACCESS_KEY={options.SecretAccessKey}");
            stdout.Flush();
            await running.App.WaitForShutdownAsync();
        }
        return 0;
    }
}
