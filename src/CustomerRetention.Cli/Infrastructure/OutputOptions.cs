using System.Text;

namespace CustomerRetention.Cli;

/// <summary>The common output options: <c>--format csv|json</c> and <c>--out FILE</c>.</summary>
internal static class OutputOptions
{
    public static readonly OptionSpec Format = OptionSpec.Value("--format", "csv|json", "Output format (default csv).");

    public static readonly OptionSpec Out = OptionSpec.Value("--out", "FILE", "Write to FILE instead of standard output.");

    public static IReadOnlyList<OptionSpec> Table => [Format, Out];

    /// <summary>The chosen format: <c>csv</c> (default) or <c>json</c>.</summary>
    public static string FormatOf(CommandArguments args, string defaultFormat = "csv") =>
        args.GetChoice("--format", defaultFormat, "csv", "json");

    /// <summary>Standard output, or the <c>--out</c> file (UTF-8, no byte-order mark).</summary>
    public static TextWriter Open(CommandArguments args, CliContext context)
    {
        string? path = args.Get("--out");
        if (path is null || path == "-")
        {
            return new NonClosingWriter(context.Console.Output);
        }

        try
        {
            return new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot write the output file ({e.Message})", e);
        }
    }

    /// <summary>Opens a table on the chosen output in the chosen format.</summary>
    public static TableWriter OpenTable(CommandArguments args, CliContext context, IReadOnlyList<string> columns) =>
        TableWriter.Create(FormatOf(args), Open(args, context), columns);

    /// <summary>Wraps standard output so that disposing a command's writer flushes it without closing it.</summary>
    private sealed class NonClosingWriter : TextWriter
    {
        private readonly TextWriter _inner;

        public NonClosingWriter(TextWriter inner) => _inner = inner;

        public override Encoding Encoding => _inner.Encoding;

        public override void Write(char value) => _inner.Write(value);

        public override void Write(string? value) => _inner.Write(value);

        public override void Write(ReadOnlySpan<char> buffer) => _inner.Write(buffer);

        public override void Flush() => _inner.Flush();

        protected override void Dispose(bool disposing) => _inner.Flush();
    }
}
