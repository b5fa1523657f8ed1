using System.Text;
using CustomerRetention.Csv;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Csv.Tests;

public sealed class CsvRoundTripTests
{
    private static readonly string[] Tokens = ["a", "b", "7", ",", "\"", " ", "\n", "\r\n", "é", "x.y"];

    /// <summary>RFC 4180 writing: quote a field when it holds a comma, a quote or a line break; double the quotes.</summary>
    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    [Fact]
    public void Written_Records_Read_Back_With_Their_Physical_Lines_Meets_Specification() =>
        Properties.Check(Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (codes, crlf) =>
            {
                string newline = crlf ? "\r\n" : "\n";
                var records = new List<string[]>();
                foreach (int code in codes)
                {
                    var r = new Random(code);
                    var fields = new string[2];
                    for (int f = 0; f < 2; f++)
                    {
                        var text = new StringBuilder();
                        int length = r.Next(4);
                        for (int k = 0; k < length; k++)
                        {
                            text.Append(Tokens[r.Next(Tokens.Length)]);
                        }

                        fields[f] = text.ToString();
                    }

                    records.Add(fields);
                }

                var csv = new StringBuilder("a,b" + newline);
                var expectedLines = new List<long>();
                long line = 2;
                foreach (string[] fields in records)
                {
                    expectedLines.Add(line);
                    string row = Quote(fields[0]) + "," + Quote(fields[1]);
                    csv.Append(row).Append(newline);
                    line += 1 + row.Count(c => c == '\n');
                }

                using var reader = CsvRecordReader.Open(
                    new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "p.csv", [CsvColumn.Required("a"), CsvColumn.Required("b")]);
                int i = 0;
                while (reader.Read())
                {
                    if (i >= records.Count || reader.GetString(0) != records[i][0] || reader.GetString(1) != records[i][1]
                        || reader.LineNumber != expectedLines[i] || reader.FieldCount != 2)
                    {
                        return false;
                    }

                    i++;
                }

                return i == records.Count;
            }));
}
