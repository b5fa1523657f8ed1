using System.Data.Common;
using CustomerRetention.Csv;
using CustomerRetention.Data;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// Reading transactions for any command (docs/cli.md, "Input: transactions CSV" and "Data sources"):
/// <c>--transactions FILE</c> (<c>-</c> = standard input; a <c>.parquet</c> file or a glob of Parquet or
/// CSV files is read as well), or <c>--provider postgres|duckdb --database CONNECTION (--table NAME |
/// --query SQL)</c>; <c>--customer-column</c>, <c>--date-column</c>, <c>--amount-column</c> name the
/// columns of any source, <c>--date-format</c> and <c>--skip-invalid</c> apply to CSV text. Parquet and
/// databases go through CustomerRetention.Data: the purchase summaries are computed by the engine
/// (push-down), the analyses that need every row pull them; a bad row there is one line naming the
/// column and the customer (exit 2), as a bad CSV line is.
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
        OptionSpec.Value("--transactions", "FILE", "Transactions CSV (customer_id,date,amount), - for standard input; or a .parquet file, or a quoted glob of Parquet or CSV files ('data/*.parquet').");

    /// <summary><c>--provider postgres|duckdb</c>.</summary>
    public static readonly OptionSpec Provider =
        OptionSpec.Value("--provider", "postgres|duckdb", "Read the transactions from a database instead of --transactions (with --database and --table or --query); the summary is computed by the engine.");

    /// <summary><c>--database CONNECTION</c>.</summary>
    public static readonly OptionSpec Database =
        OptionSpec.Value("--database", "CONNECTION", "With --provider: the connection string (for duckdb, a database file path is enough).");

    /// <summary><c>--table NAME</c>.</summary>
    public static readonly OptionSpec Table =
        OptionSpec.Value("--table", "NAME", "With --provider: the table or view holding the transactions (schema.table; matched exactly).");

    /// <summary><c>--query SQL</c>.</summary>
    public static readonly OptionSpec Query =
        OptionSpec.Value("--query", "SQL", "With --provider: a SELECT whose rows are the transactions.");

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

    /// <summary><c>--memory-limit SIZE</c>.</summary>
    public static readonly OptionSpec MemoryLimit =
        OptionSpec.Value("--memory-limit", "SIZE", "With Parquet input: the memory the embedded DuckDB may use before it spills to disk (e.g. 512MB, 2GB; default 80% of the machine's).");

    /// <summary>The database options: <c>--provider</c>, <c>--database</c>, <c>--table</c>, <c>--query</c>, and <c>--memory-limit</c> for Parquet.</summary>
    public static IReadOnlyList<OptionSpec> DatabaseOptions => [Provider, Database, Table, Query, MemoryLimit];

    /// <summary><c>--transactions</c>, the <see cref="DatabaseOptions"/> and the <see cref="ColumnOptions"/>.</summary>
    public static IReadOnlyList<OptionSpec> Options => [Transactions, .. DatabaseOptions, .. ColumnOptions];

    /// <summary>Whether the arguments name transactions: <c>--transactions</c> or <c>--provider</c>.</summary>
    public static bool IsGiven(CommandArguments args) => args.Has(Transactions.Name) || args.Has(Provider.Name);

    /// <summary>Reads every transaction of the source the arguments name (<c>--transactions</c> or <c>--provider</c>).</summary>
    public static TransactionTable Read(CommandArguments args, CliContext context) =>
        DatabaseFrom(args) is { } database
            ? database.Run((connection, dialect, source, columns) => DbPushDown.ReadTable(connection, dialect, source, columns))
            : ReadFile(CheckedPath(args), args, context);

    /// <summary>Reads <paramref name="path"/> (<c>-</c> = standard input; a Parquet file; a glob) with the column options of <paramref name="args"/>.</summary>
    public static TransactionTable ReadFile(string path, CommandArguments args, CliContext context)
    {
        if (IsParquet(path))
        {
            return ParquetFrom(path, args).Run((connection, dialect, source, columns) => DbPushDown.ReadTable(connection, dialect, source, columns));
        }

        if (IsGlob(path))
        {
            var all = new TransactionTable.Builder();
            foreach (string file in ExpandGlob(path))
            {
                foreach (Transaction t in ReadFile(file, args, context))
                {
                    all.Add(t.Customer, t.Date, t.Amount);
                }
            }

            return all.ToTable();
        }

        return Open(path, context, (stream, source) => ReadStream(stream, source, args, context));
    }

    /// <summary>
    /// The purchase summaries of the source the arguments name, through <paramref name="through"/> (all rows when
    /// null): a CSV read and summarised in one pass (<see cref="TransactionCsv.Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/>),
    /// a glob of CSV files merged through their aggregates, Parquet and databases summarised by the engine.
    /// </summary>
    public static TransactionSummaries Summarize(CommandArguments args, CliContext context, LocalDate? through)
    {
        if (DatabaseFrom(args) is { } database)
        {
            return database.Summarize(through);
        }

        string path = CheckedPath(args);
        if (IsParquet(path))
        {
            return ParquetFrom(path, args).Summarize(through);
        }

        if (IsGlob(path))
        {
            var parts = new List<PurchaseAggregate>();
            LocalDate? latest = null;
            foreach (string file in ExpandGlob(path))
            {
                TransactionTable table = ReadFile(file, args, context);
                parts.Add(PurchaseAggregate.FromTable(table));
                latest = Later(latest, LatestDate(table));
            }

            return new TransactionSummaries(PurchaseAggregate.Merge(parts).Summarize(through), latest);
        }

        return Open(path, context, (stream, source) =>
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
            return new TransactionSummaries(result.Summaries, result.LatestDate);
        });
    }

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

    /// <summary>Whether <paramref name="path"/> names Parquet: a <c>.parquet</c> file or a glob of them.</summary>
    private static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="path"/> is a glob (<c>*</c>, <c>?</c> or <c>[</c> in it).</summary>
    private static bool IsGlob(string path) => path != "-" && path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The files a glob matches, in name order, through DuckDB's <c>glob</c> (the path a parameter); none is an error.</summary>
    private static List<string> ExpandGlob(string pattern)
    {
        var files = new List<string>();
        EngineSource.WithDuckDb(pattern, connection =>
        {
            using DbCommand command = connection.CreateCommand();
            command.CommandText = "SELECT file FROM glob($1) ORDER BY file";
            DbParameter parameter = command.CreateParameter();
            parameter.Value = pattern;
            command.Parameters.Add(parameter);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                files.Add(reader.GetString(0));
            }

            return files;
        });
        return files.Count > 0 ? files : throw new CliException($"{pattern}: no file matches");
    }

    /// <summary>The Parquet file or glob <paramref name="path"/>, read by an in-memory DuckDB.</summary>
    private static EngineSource ParquetFrom(string path, CommandArguments args)
    {
        RejectCsvOnlyOptions(args, path);
        string? memoryLimit = MemoryLimitFrom(args);
        if (IsGlob(path))
        {
            _ = ExpandGlob(path);
        }
        else if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        return new EngineSource("duckdb", null, SqlSource.ParquetFiles(path), ColumnsFrom(args), memoryLimit);
    }

    /// <summary>The database the <c>--provider</c> options name, or null when there is none (<c>--transactions</c> then).</summary>
    private static EngineSource? DatabaseFrom(CommandArguments args)
    {
        string? provider = args.Get(Provider.Name);
        if (provider is null)
        {
            foreach (OptionSpec option in new[] { Database, Table, Query })
            {
                if (args.Has(option.Name))
                {
                    throw new CliException($"option '{option.Name}' goes with --provider postgres|duckdb");
                }
            }

            return null;
        }

        provider = args.GetChoice(Provider.Name, provider, "postgres", "duckdb");
        if (args.Has(Transactions.Name))
        {
            throw new CliException("give either --transactions FILE or --provider with --database, not both");
        }

        string connection = NonEmptyValue(args, Database.Name) ?? throw new CliException($"missing required option '--database' (with --provider {provider})");
        string? table = NonEmptyValue(args, Table.Name);
        string? query = NonEmptyValue(args, Query.Name);
        if ((table is null) == (query is null))
        {
            throw new CliException("with --provider, give either --table NAME or --query SQL");
        }

        RejectCsvOnlyOptions(args, "--provider");
        if (args.Has(MemoryLimit.Name))
        {
            throw new CliException("option '--memory-limit' applies to Parquet input (a database manages its own memory)");
        }
        SqlSource source;
        try
        {
            source = table is not null ? SqlSource.Table(table) : SqlSource.Query(query!);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"option '--table': '{table}' is not a table name ({e.Message})", e);
        }

        return new EngineSource(provider, connection, source, ColumnsFrom(args));
    }

    /// <summary>The <c>--transactions</c> path, checked against <c>--memory-limit</c> (Parquet only).</summary>
    private static string CheckedPath(CommandArguments args)
    {
        string path = args.Required("--transactions");
        return args.Has(MemoryLimit.Name) && !IsParquet(path)
            ? throw new CliException("option '--memory-limit' applies to Parquet input")
            : path;
    }

    /// <summary>The <c>--memory-limit</c> value: a number and a unit (KB, MB, GB, TB or KiB … TiB), or null.</summary>
    private static string? MemoryLimitFrom(CommandArguments args)
    {
        string? value = args.Get(MemoryLimit.Name);
        return value is null || System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d+(\.\d+)?\s*([KMGT]i?B)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            ? value
            : throw new CliException($"option '--memory-limit': '{value}' is not a size (e.g. 512MB, 2GB)");
    }

    private static void RejectCsvOnlyOptions(CommandArguments args, string source)
    {
        foreach (OptionSpec option in new[] { DateFormat, SkipInvalid })
        {
            if (args.Has(option.Name))
            {
                throw new CliException($"option '{option.Name}' applies to CSV text, not to {source} (dates there have a date type)");
            }
        }
    }

    private static TransactionColumns ColumnsFrom(CommandArguments args) => new()
    {
        Customer = NonEmpty(args, "--customer-column") ?? "customer_id",
        Date = NonEmpty(args, "--date-column") ?? "date",
        Amount = NonEmpty(args, "--amount-column") ?? "amount",
    };

    private static string? NonEmptyValue(CommandArguments args, string name)
    {
        string? value = args.Get(name);
        return value is not null && string.IsNullOrWhiteSpace(value) ? throw new CliException($"option '{name}' needs a value") : value;
    }

    private static LocalDate? LatestDate(TransactionTable table)
    {
        int latest = int.MinValue;
        foreach (int day in table.DayNumbers)
        {
            latest = Math.Max(latest, day);
        }

        return table.Count > 0 ? DayNumbers.ToDate(latest) : null;
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : a > b ? a : b;

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
