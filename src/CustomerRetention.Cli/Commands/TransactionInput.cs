using CustomerRetention.Csv;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// Reading a transactions CSV for any command (docs/cli.md, "Input: transactions CSV"):
/// <c>--transactions FILE</c> (<c>-</c> = standard input), <c>--customer-column</c>,
/// <c>--date-column</c>, <c>--amount-column</c>, <c>--date-format</c> and <c>--skip-invalid</c>.
/// Malformed rows end the command with exit 2 and one line naming file, line and field (the
/// <see cref="CsvFormatException"/> is handled by the app); with <c>--skip-invalid</c> they are
/// counted and a note says how many were skipped. Progress goes to standard error when it is a
/// terminal.
/// </summary>
/// <example>
/// A command that reads transactions lists the options and calls <see cref="Read(CommandArguments, CliContext)"/>:
/// <code>
/// public IReadOnlyList&lt;OptionSpec&gt; Options { get; } =
///     [.. TransactionInput.Options, OptionSpec.Value("--as-of", "DATE", "..."), .. OutputOptions.Table];
///
/// public int Execute(CommandArguments args, CliContext context)
/// {
///     TransactionTable transactions = TransactionInput.Read(args, context);
///     ...
/// }
/// </code>
/// A command that also takes <c>--sample NAME</c> (like <c>report</c>) lists
/// <see cref="ColumnOptions"/> plus its own <c>--transactions</c>/<c>--sample</c> options and calls
/// <see cref="ReadSample"/> or <see cref="ReadFile"/>.
/// </example>
internal static class TransactionInput
{
    /// <summary><c>--transactions FILE</c>.</summary>
    public static readonly OptionSpec Transactions =
        OptionSpec.Value("--transactions", "FILE", "Transactions CSV (customer_id,date,amount); - for standard input.");

    /// <summary><c>--customer-column NAME</c>.</summary>
    public static readonly OptionSpec CustomerColumn =
        OptionSpec.Value("--customer-column", "NAME", "Name of the customer id column (default customer_id).");

    /// <summary><c>--date-column NAME</c>.</summary>
    public static readonly OptionSpec DateColumn =
        OptionSpec.Value("--date-column", "NAME", "Name of the date column (default date).");

    /// <summary><c>--amount-column NAME</c>.</summary>
    public static readonly OptionSpec AmountColumn =
        OptionSpec.Value("--amount-column", "NAME", "Name of the amount column (default amount).");

    /// <summary><c>--date-format PATTERN</c>.</summary>
    public static readonly OptionSpec DateFormat =
        OptionSpec.Value("--date-format", "PATTERN", "Date pattern of the date column (default yyyy-MM-dd; e.g. yyyyMMdd).");

    /// <summary><c>--skip-invalid</c>.</summary>
    public static readonly OptionSpec SkipInvalid =
        OptionSpec.Flag("--skip-invalid", "Skip malformed rows (and say how many) instead of stopping.");

    /// <summary><c>--encoding utf-8|latin1</c>.</summary>
    public static readonly OptionSpec Encoding =
        OptionSpec.Value("--encoding", "utf-8|latin1", "Text encoding of the file (default utf-8, where bytes that are not UTF-8 are an error; latin1 for ISO-8859-1 files).");

    /// <summary>The options that say how to read the file, without <c>--transactions</c>.</summary>
    public static IReadOnlyList<OptionSpec> ColumnOptions => [CustomerColumn, DateColumn, AmountColumn, DateFormat, Encoding, SkipInvalid];

    /// <summary><c>--transactions</c> and the <see cref="ColumnOptions"/>.</summary>
    public static IReadOnlyList<OptionSpec> Options => [Transactions, .. ColumnOptions];

    /// <summary>Reads the file of the required <c>--transactions</c> option.</summary>
    public static TransactionTable Read(CommandArguments args, CliContext context) =>
        ReadFile(args.Required("--transactions"), args, context);

    /// <summary>Reads <paramref name="path"/> (<c>-</c> = standard input) with the column options of <paramref name="args"/>.</summary>
    public static TransactionTable ReadFile(string path, CommandArguments args, CliContext context) =>
        Open(path, context, (stream, source) => ReadStream(stream, source, args, context));

    /// <summary>
    /// The purchase summaries of the file of the required <c>--transactions</c> option, through <paramref name="through"/>
    /// (all rows when null), read and summarised in one pass (<see cref="TransactionCsv.Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/>).
    /// </summary>
    public static TransactionCsvSummaries Summarize(CommandArguments args, CliContext context, LocalDate? through) =>
        Open(args.Required("--transactions"), context, (stream, source) =>
        {
            TransactionCsvSummaries result;
            try
            {
                result = TransactionCsv.Summarize(stream, source, through, OptionsFrom(args, context, source));
            }
            finally
            {
                context.EndProgress();
            }

            NoteSkipped(context, source, result.SkippedRows, result.FirstSkipped);
            return result;
        });

    /// <summary>Reads the embedded sample <paramref name="name"/> (e.g. <c>cdnow</c>) with the column options of <paramref name="args"/>.</summary>
    public static TransactionTable ReadSample(string name, CommandArguments args, CliContext context)
    {
        using Stream stream = EmbeddedSamples.Open(name);
        return ReadStream(stream, EmbeddedSamples.SourceName(name), args, context);
    }

    /// <summary>Reads a UTF-8 stream named <paramref name="source"/> in messages.</summary>
    public static TransactionTable ReadStream(Stream stream, string source, CommandArguments args, CliContext context)
    {
        TransactionCsvOptions options = OptionsFrom(args, context, source);
        TransactionCsvResult result;
        try
        {
            result = TransactionCsv.Read(stream, source, options);
        }
        finally
        {
            context.EndProgress();
        }

        NoteSkipped(context, source, result.SkippedRows, result.FirstSkipped);
        return result.Table;
    }

    /// <summary>Opens <paramref name="path"/> (<c>-</c> = standard input) and reads it with <paramref name="read"/>(stream, source name).</summary>
    private static T Open<T>(string path, CliContext context, Func<Stream, string, T> read)
    {
        if (path == "-")
        {
            using Stream input = context.Console.OpenInput();
            return read(input, "-");
        }

        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot read the file ({e.Message})", e);
        }

        using (stream)
        {
            return read(stream, path);
        }
    }

    private static void NoteSkipped(CliContext context, string source, long skipped, CsvFormatException? first)
    {
        if (skipped > 0)
        {
            context.Note($"retention: skipped {skipped} invalid row{(skipped == 1 ? string.Empty : "s")} of {source} (first: {first?.Message})");
        }
    }

    /// <summary>The reader options given by the column options of <paramref name="args"/>.</summary>
    public static TransactionCsvOptions OptionsFrom(CommandArguments args, CliContext context, string source)
    {
        string dateFormat = args.Get("--date-format") ?? "yyyy-MM-dd";
        try
        {
            _ = LocalDatePattern.CreateWithInvariantCulture(dateFormat);
        }
        catch (Exception e) when (e is InvalidPatternException or ArgumentException)
        {
            throw new CliException($"option '--date-format': '{dateFormat}' is not a date pattern ({e.Message})", e);
        }

        return new TransactionCsvOptions
        {
            CustomerColumn = NonEmpty(args, "--customer-column") ?? "customer_id",
            DateColumn = NonEmpty(args, "--date-column") ?? "date",
            AmountColumn = NonEmpty(args, "--amount-column") ?? "amount",
            DateFormat = dateFormat,
            SkipInvalid = args.Has("--skip-invalid"),
            Encoding = args.GetChoice(Encoding.Name, "utf-8", "utf-8", "latin1") == "latin1" ? System.Text.Encoding.Latin1 : null,
            Progress = context.ShowProgress ? new RowProgress(context, source) : null,
        };
    }

    private static string? NonEmpty(CommandArguments args, string name)
    {
        string? value = args.Get(name);
        return value is not null && string.IsNullOrWhiteSpace(value)
            ? throw new CliException($"option '{name}' needs a column name")
            : value;
    }

    /// <summary>Shows "reading FILE: N rows" in place, synchronously.</summary>
    private sealed class RowProgress(CliContext context, string source) : IProgress<long>
    {
        public void Report(long value) =>
            context.Progress(FormattableString.Invariant($"reading {source}: {value:N0} rows"));
    }
}
