using System.Globalization;

namespace CustomerRetention.Csv;

/// <summary>
/// A malformed row or header in a CSV input: the message names the file, the physical line
/// (the header is line 1) and the field, on one line, e.g.
/// <c>sales.csv:7: field 'amount': 'NaN' is not a finite decimal number</c>.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="source"/> at <paramref name="lineNumber"/>.</summary>
    /// <param name="source">The file name, or <c>-</c> for standard input.</param>
    /// <param name="lineNumber">The physical line, 1-based (the header is line 1).</param>
    /// <param name="field">The field (column name) at fault, or null when the line as a whole is.</param>
    /// <param name="problem">What is wrong, without the location.</param>
    public CsvFormatException(string source, long lineNumber, string? field, string problem)
        : base(Compose(Guard.NotNull(source), lineNumber, field, Guard.NotNull(problem)))
    {
        Source = source;
        LineNumber = lineNumber;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file name, or <c>-</c> for standard input.</summary>
    public new string Source { get; }

    /// <summary>The physical line, 1-based; the header is line 1.</summary>
    public long LineNumber { get; }

    /// <summary>The field at fault, or null when the line as a whole is.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Compose(string source, long lineNumber, string? field, string problem) =>
        field is null
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}", source, lineNumber, problem)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1}: field '{2}': {3}", source, lineNumber, field, problem);
}
