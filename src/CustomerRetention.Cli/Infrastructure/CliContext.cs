namespace CustomerRetention.Cli;

/// <summary>What a running command needs besides its arguments: the console and the common options.</summary>
internal sealed class CliContext
{
    public CliContext(CliConsole console, bool quiet)
    {
        Console = console;
        Quiet = quiet;
    }

    public CliConsole Console { get; }

    /// <summary><c>--quiet</c>: no progress and no notes on standard error.</summary>
    public bool Quiet { get; }

    /// <summary>Whether progress may be shown: standard error is a terminal and <c>--quiet</c> is not given.</summary>
    public bool ShowProgress => !Quiet && Console.ErrorIsTerminal;

    /// <summary>Writes a note (e.g. how many rows were skipped) to standard error unless <c>--quiet</c>.</summary>
    public void Note(string message)
    {
        if (!Quiet)
        {
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Shows progress on standard error when <see cref="ShowProgress"/>; overwritten in place.</summary>
    public void Progress(string message)
    {
        if (ShowProgress)
        {
            Console.Error.Write("\r" + message + "\u001b[K");
        }
    }

    /// <summary>Clears the progress line.</summary>
    public void EndProgress()
    {
        if (ShowProgress)
        {
            Console.Error.Write("\r\u001b[K");
        }
    }
}
