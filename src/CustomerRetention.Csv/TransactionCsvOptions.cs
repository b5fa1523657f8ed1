using System.Text;

namespace CustomerRetention.Csv;

/// <summary>
/// How <see cref="TransactionCsv"/> reads a transactions file: the column names (defaults
/// <c>customer_id</c>, <c>date</c>, <c>amount</c>, matched case-insensitively), the date pattern
/// (default <c>yyyy-MM-dd</c>), whether malformed rows are skipped instead of stopping the read,
/// the text encoding, the cores to use, and an optional progress callback. Immutable; the default is <see cref="Default"/>.
/// </summary>
/// <example>
/// <code>
/// var options = new TransactionCsvOptions { CustomerColumn = "member", DateFormat = "yyyyMMdd", SkipInvalid = true };
/// </code>
/// </example>
public sealed class TransactionCsvOptions
{
    private readonly string _customerColumn = "customer_id";
    private readonly string _dateColumn = "date";
    private readonly string _amountColumn = "amount";
    private readonly string _dateFormat = "yyyy-MM-dd";
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The defaults: <c>customer_id,date,amount</c>, <c>yyyy-MM-dd</c>, malformed rows are errors.</summary>
    public static TransactionCsvOptions Default { get; } = new();

    /// <summary>The customer id column (default <c>customer_id</c>).</summary>
    public string CustomerColumn { get => _customerColumn; init => _customerColumn = Guard.NotNullOrWhiteSpace(value); }

    /// <summary>The date column (default <c>date</c>).</summary>
    public string DateColumn { get => _dateColumn; init => _dateColumn = Guard.NotNullOrWhiteSpace(value); }

    /// <summary>The amount column (default <c>amount</c>).</summary>
    public string AmountColumn { get => _amountColumn; init => _amountColumn = Guard.NotNullOrWhiteSpace(value); }

    /// <summary>The NodaTime date pattern of the date column, invariant culture (default <c>yyyy-MM-dd</c>; e.g. <c>yyyyMMdd</c>, <c>dd/MM/yyyy</c>).</summary>
    public string DateFormat { get => _dateFormat; init => _dateFormat = Guard.NotNullOrWhiteSpace(value); }

    /// <summary>Whether malformed rows are skipped (and counted in <see cref="TransactionCsvResult.SkippedRows"/>) instead of stopping the read.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Called with the number of rows read so far, about every million rows; null for none.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>
    /// The text encoding of streams and files; null (the default) for UTF-8, in which bytes that are not UTF-8 are an
    /// error, never replaced. For a Latin-1 file, <c>Encoding.GetEncoding("iso-8859-1")</c>.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The most cores a read and its summing use: −1 (the default) for all, or ≥ 1.</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value == -1 || value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum degree of parallelism must be −1 (all cores) or at least 1.");
    }

    /// <summary>The number of threads <see cref="MaxDegreeOfParallelism"/> allows on this machine.</summary>
    internal int Workers => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(_maxDegreeOfParallelism, Environment.ProcessorCount);

    /// <summary>A copy with <paramref name="progress"/> as the progress callback.</summary>
    internal TransactionCsvOptions WithProgress(IProgress<long>? progress) => new()
    {
        CustomerColumn = CustomerColumn,
        DateColumn = DateColumn,
        AmountColumn = AmountColumn,
        DateFormat = DateFormat,
        SkipInvalid = SkipInvalid,
        Progress = progress,
        Encoding = Encoding,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
    };
}
