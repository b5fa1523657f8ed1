using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// What <see cref="TransactionInput.Summarize"/> read, whatever the source: the purchase summaries and the
/// latest date of any row. For a database or Parquet source the latest date is known only when no cut-off
/// was given (it is then the latest last purchase); with a cut-off it is null.
/// </summary>
/// <param name="Summaries">One summary per customer with a purchase on or before the cut-off.</param>
/// <param name="LatestDate">The latest date of any row read; null when unknown or when there was no row.</param>
internal sealed record TransactionSummaries(PurchaseSummaries Summaries, LocalDate? LatestDate);
