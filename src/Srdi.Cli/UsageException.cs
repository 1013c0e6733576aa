namespace Srdi.Cli;

/// <summary>The user asked for something that cannot be done: exit 2 with this message.</summary>
internal sealed class UsageException(string message) : Exception(message);
