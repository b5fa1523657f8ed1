using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Csv.Tests;

/// <summary>
/// Any bytes after the header either parse to exactly what a small reference reader (written here from RFC 4180 and
/// docs/csv.md, sharing no code with the package) gives, or fail with the reference's located error (line and field; a lone carriage return, found as the text is read, may come
/// after a bad row before it):
/// never a silently changed value or id. Both roads are checked: the general road, and the one-pass summariser with
/// tiny blocks (which declines to the general road whenever a line is not plain).
/// </summary>
public sealed class ReferenceReaderTests
{
    private static readonly SummarizingCsvReader.Settings Tiny = new(2, 64);

    /// <summary>Byte fragments a line is made of: plain values, separators, quotes, spaces, line ends, non-ASCII and invalid UTF-8.</summary>
    private static readonly byte[][] Fragments =
    [
        .. new[]
        {
            "A", "B", "c7", "Café", ",", ",", ",", "1997-01-01", "1997-01-02", "1997-02-30", "2000-12-31", "19970101",
            "1", "2.5", "-3", "0.125", "1.", ".5", "1,5", "NaN", "1e3", "99999999999999999999.5", " ", "\t", "\"", "\"\"", "x",
            "\n", "\r\n", "\r", "\n", "\n",
        }.Select(Encoding.UTF8.GetBytes),
        [0xE9],
        [0xFF],
        [0xC3],
    ];

    private static readonly Gen<byte[]> Inputs =
        Gen.Choose(0, 120).SelectMany(n => Gen.ArrayOf(Gen.Elements(Fragments), n))
            .Select(parts => parts.SelectMany(p => p).ToArray());

    /// <summary>Lines that are mostly well-formed rows, with a bad fragment now and then: the summariser gets to work.</summary>
    private static readonly Gen<byte[]> MostlyPlain =
        from rows in Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(
            from id in Gen.Elements("A", "B", "C", "D")
            from day in Gen.Choose(1, 28)
            from amount in Gen.Elements("1", "2.5", "-3", "0.125", "10")
            from bad in Gen.Frequency((12, Gen.Constant(Array.Empty<byte>())), (1, Gen.Elements(Fragments)))
            select (byte[])[.. Encoding.UTF8.GetBytes(FormattableString.Invariant($"{id},1997-01-{day:00},{amount}")), .. bad, (byte)'\n'], n))
        select rows.SelectMany(r => r).ToArray();

    [Fact]
    public void Any_Bytes_Read_As_The_Reference_Reads_Them_Or_Fail_Where_It_Fails_Meets_Specification() =>
        Properties.ForAll(Inputs.ToArbitrary(), AgreesWithReference, 3000);

    [Fact]
    public void Mostly_Plain_Files_Read_As_The_Reference_Reads_Them_Meets_Specification() =>
        Properties.ForAll(MostlyPlain.ToArbitrary(), AgreesWithReference, 1000);

    private static bool AgreesWithReference(byte[] body)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("customer_id,date,amount\n"), .. body];
        string expected = Reference(bytes);
        string general = Describe(() => TransactionCsv.Read(new MemoryStream(bytes), "t.csv").Table is var t ? PurchaseAggregator.Summarize(t) : null!);
        string summarised = Describe(() => TransactionCsv.Summarize(new MemoryStream(bytes), "t.csv", null, TransactionCsvOptions.Default, Tiny).Summaries);
        return Agrees(general, expected) && Agrees(summarised, expected)
            ? true
            : throw new InvalidOperationException($"input {Convert.ToBase64String(bytes)}:\nreference: {expected}\ngeneral:   {general}\nsummariser: {summarised}");
    }

    /// <summary>The same description, or (for a lone CR) an error on its line or before it.</summary>
    private static bool Agrees(string actual, string expected)
    {
        const string LoneCr = "lone CR at line ";
        if (!expected.StartsWith(LoneCr, StringComparison.Ordinal))
        {
            return actual == expected;
        }

        long crLine = long.Parse(expected.AsSpan(LoneCr.Length), CultureInfo.InvariantCulture);
        const string Error = "error at line ";
        return actual.StartsWith(Error, StringComparison.Ordinal)
            && long.Parse(actual.AsSpan(Error.Length, actual.IndexOf(',', StringComparison.Ordinal) - Error.Length), CultureInfo.InvariantCulture) <= crLine;
    }

    private static string Describe(Func<PurchaseSummaries> read)
    {
        try
        {
            return Describe(read());
        }
        catch (CsvFormatException e)
        {
            return FormattableString.Invariant($"error at line {e.LineNumber}, field {e.Field ?? "-"}");
        }
    }

    private static string Describe(PurchaseSummaries summaries)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < summaries.Count; i++)
        {
            PurchaseSummary s = summaries[i];
            sb.Append(FormattableString.Invariant($"{summaries.Customers[i].Value}: {s.FirstPurchase:yyyy-MM-dd} {s.LastPurchase:yyyy-MM-dd} {s.Transactions} {s.PurchaseDays} {s.TotalAmount:0.#########} {s.FirstDayAmount:0.#########}; "));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The reference: RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks; a closing quote
    /// must end the field; a quote inside an unquoted field is text; LF or CRLF ends a record, a lone CR is an error), blank records (only spaces or tabs) skipped,
    /// more fields than the header an error on the record's line, then per row: a non-empty trimmed id, an ISO date, a
    /// decimal with a dot (no exponent, no thousands separator); bytes that are not UTF-8 an error in their field.
    /// The summaries: one per customer in order of first appearance, same-day purchases merged.
    /// </summary>
    private static string Reference(byte[] bytes)
    {
        string text = new UTF8Encoding(false, false).GetString(bytes);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] != '\n')
            {
                // Lines end with LF or CRLF; a lone CR is an error on its line, found as the text is read: a bad row
                // before it may be read (and reported) first.
                return FormattableString.Invariant($"lone CR at line {1 + text.Take(i).Count(c => c == '\n')}");
            }
        }

        var rows = new List<(string Id, LocalDate Date, decimal Amount)>();
        int pos = 0;
        long line = 1;
        bool header = true;
        while (pos < text.Length)
        {
            long recordLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool endOfRecord = false;
            bool quoted = pos < text.Length && text[pos] == '"';
            while (!endOfRecord)
            {
                if (quoted)
                {
                    pos++;
                    while (true)
                    {
                        if (pos >= text.Length)
                        {
                            return Error(recordLine, fields.Count, header);
                        }

                        char c = text[pos++];
                        if (c == '"')
                        {
                            if (pos < text.Length && text[pos] == '"')
                            {
                                field.Append('"');
                                pos++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    if (pos < text.Length && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                    {
                        return Error(recordLine, fields.Count, header);
                    }
                }
                else
                {
                    while (pos < text.Length && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                    {
                        field.Append(text[pos++]);
                    }
                }

                fields.Add(field.ToString());
                field.Clear();
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    quoted = pos < text.Length && text[pos] == '"';
                    continue;
                }

                pos += pos + 1 < text.Length && text[pos] == '\r' && text[pos + 1] == '\n' ? 2 : pos < text.Length ? 1 : 0;
                line++;
                endOfRecord = true;
            }

            if (header)
            {
                header = false;
                continue;
            }

            if (fields.Count == 1 && fields[0].Trim(' ', '\t').Length == 0)
            {
                continue;
            }

            if (fields.Count > 3)
            {
                return FormattableString.Invariant($"error at line {recordLine}, field -");
            }

            string[] names = ["customer_id", "date", "amount"];
            for (int f = 0; f < 3; f++)
            {
                if (f >= fields.Count || fields[f].Contains('\uFFFD', StringComparison.Ordinal))
                {
                    return FormattableString.Invariant($"error at line {recordLine}, field {names[f]}");
                }

                string value = fields[f].Trim(' ', '\t');
                bool ok = f switch
                {
                    0 => value.Length > 0,
                    1 => NodaTime.Text.LocalDatePattern.Iso.Parse(value).Success && value.Length == 10,
                    _ => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
                };
                if (!ok)
                {
                    return FormattableString.Invariant($"error at line {recordLine}, field {names[f]}");
                }
            }

            rows.Add((fields[0].Trim(' ', '\t'), NodaTime.Text.LocalDatePattern.Iso.Parse(fields[1].Trim(' ', '\t')).Value, decimal.Parse(fields[2].Trim(' ', '\t'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
        }

        var sb = new StringBuilder();
        foreach (var customer in rows.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var days = customer.GroupBy(r => r.Date).OrderBy(d => d.Key).ToList();
            decimal total = customer.Sum(r => r.Amount);
            decimal firstDay = days[0].Sum(r => r.Amount);
            sb.Append(FormattableString.Invariant($"{customer.Key}: {days[0].Key:yyyy-MM-dd} {days[^1].Key:yyyy-MM-dd} {customer.Count()} {days.Count} {total:0.#########} {firstDay:0.#########}; "));
        }

        return sb.ToString();
    }

    private static string Error(long line, int field, bool header)
    {
        string name = header ? "-" : field switch { 0 => "customer_id", 1 => "date", 2 => "amount", _ => "-" };
        return FormattableString.Invariant($"error at line {line}, field {name}");
    }
}
