namespace CustomerRetention.Cli.Commands;

/// <summary>
/// The data sets embedded in the tool, so that <c>retention sample cdnow</c> and
/// <c>retention report --sample cdnow</c> work with no file at all.
/// </summary>
/// <remarks>
/// <c>cdnow</c>: the CDNOW 1/10 sample (2,357 customers who first bought in Q1 1997, 6,919
/// transactions 1997-01-01..1998-06-30, <c>customer_id,date,amount</c>), as used by Fader, Hardie
/// &amp; Lee (2005). Read it as transactions with
/// <c>TransactionInput.ReadSample("cdnow", args, context)</c>.
/// </remarks>
internal static class EmbeddedSamples
{
    /// <summary>The sample names <c>--sample</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["cdnow"];

    private const string CdnowResource = "CustomerRetention.Cli.Samples.cdnow_sample_transactions.csv";

    /// <summary>The name that error messages use for a sample, e.g. <c>cdnow (embedded sample)</c>.</summary>
    public static string SourceName(string name) => $"{name} (embedded sample)";

    /// <summary>The CDNOW sample as a UTF-8 transactions CSV stream (dispose it).</summary>
    public static Stream OpenCdnow() =>
        typeof(EmbeddedSamples).Assembly.GetManifestResourceStream(CdnowResource)
        ?? throw new InvalidOperationException($"The embedded resource {CdnowResource} is missing from the tool.");

    /// <summary>Opens the sample called <paramref name="name"/>; an unknown name is a usage error (exit 2).</summary>
    public static Stream Open(string name) => name switch
    {
        "cdnow" => OpenCdnow(),
        _ => throw new CliException($"unknown sample '{name}' (samples: {string.Join(", ", Names)})"),
    };
}
