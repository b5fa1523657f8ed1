using System.Text;

namespace CustomerRetention.Cli;

/// <summary>The streams a command talks to; tests pass their own.</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Func<Stream> openInput, bool errorIsTerminal = false)
    {
        Output = output;
        Error = error;
        OpenInput = openInput;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Standard output (results).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (messages, progress).</summary>
    public TextWriter Error { get; }

    /// <summary>Opens standard input as a byte stream (for <c>-</c> as a file name).</summary>
    public Func<Stream> OpenInput { get; }

    /// <summary>Whether standard error is a terminal: progress is shown only then.</summary>
    public bool ErrorIsTerminal { get; }

    public static CliConsole FromProcessConsole()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16) { AutoFlush = false };
        var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new CliConsole(output, error, Console.OpenStandardInput, !Console.IsErrorRedirected);
    }
}
