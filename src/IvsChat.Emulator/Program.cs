// The local Amazon IVS Chat service: see README.md for options, defaults and the /_emulator/ test API.
return await IvsChat.Emulator.Hosting.EmulatorHost.RunAsync(args);
