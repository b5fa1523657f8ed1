namespace CustomerRetention.Cli;

/// <summary>
/// A problem the user can fix (a bad option, a missing file): the tool prints the message as
/// one line on standard error and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The tool's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
