// Placeholder until the local service lands (issue 3).
return 0;
