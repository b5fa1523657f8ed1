namespace CustomerRetention.Cli.Tests;

/// <summary>
/// The CSV writer's buffer (32k characters plus 64 of room): a text cell that fills it to its last character must not
/// lose the row's end (found by <c>retention health</c>, whose reasons are long text cells).
/// </summary>
public sealed class TableWriterBufferTests
{
    [Fact]
    public void ATextCellEndingAtTheBuffersLastCharacter_IsWrittenWhole()
    {
        // The header "c\n" takes 2 characters; a cell of 32,830 fills the 32,832-character buffer exactly.
        string cell = new('a', 32830);

        string written = Write(["c"], [[cell], ["b"]]);

        Assert.Equal("c\n" + cell + "\nb\n", written);
    }

    [Fact]
    public void RowsOfEveryLength_AcrossManyFlushes_AreWrittenWhole()
    {
        for (int length = 1; length <= 300; length += 7)
        {
            string[][] rows = Enumerable.Range(0, 600).Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('x', length) + ", quoted" }).ToArray();

            string written = Write(["id", "text"], rows);

            string expected = "id,text\n" + string.Concat(rows.Select(r => r[0] + ",\"" + r[1] + "\"\n"));
            Assert.Equal(expected, written);
        }
    }

    private static string Write(string[] columns, string[][] rows)
    {
        var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (TableWriter table = TableWriter.Create("csv", output, columns))
        {
            foreach (string[] row in rows)
            {
                foreach (string cell in row)
                {
                    table.Text(cell);
                }

                table.EndRow();
            }
        }

        return output.ToString();
    }
}
