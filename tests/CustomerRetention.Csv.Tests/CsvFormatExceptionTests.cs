using CustomerRetention.Csv;

namespace CustomerRetention.Csv.Tests;

public sealed class CsvFormatExceptionTests
{
    [Fact]
    public void Message_Names_File_Line_And_Field_On_One_Line()
    {
        var e = new CsvFormatException("sales.csv", 7, "amount", "'NaN' is not a finite decimal number");

        Assert.Equal("sales.csv:7: field 'amount': 'NaN' is not a finite decimal number", e.Message);
        Assert.Equal(7, e.LineNumber);
        Assert.Equal("amount", e.Field);
    }

    [Fact]
    public void Message_Without_Field_Names_File_And_Line()
    {
        var e = new CsvFormatException("-", 1, null, "the header lacks the column 'date'");

        Assert.Equal("-:1: the header lacks the column 'date'", e.Message);
    }
}
