using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Csv.Tests;

/// <summary>
/// The one-pass summariser's line parser (<see cref="PlainLine"/>): its dates are the general road's
/// <c>yyyy-MM-dd</c> dates, and its amounts read as one word are those read byte by byte and the decimals the
/// text says.
/// </summary>
public sealed class PlainLineTests
{
    [Fact]
    public void Plain_Line_Dates_Agree_With_The_Date_Parser_Around_And_Beyond_The_Month_Table()
    {
        // Every year-month-day text from 1890 to 2210 (the table covers 1900..2199), months 0..13 and days 0..32,
        // against the general path's yyyy-MM-dd parser; and a few years far outside.
        DateParser parser = DateParser.For("yyyy-MM-dd");
        int[] years = [.. Enumerable.Range(1890, 321), 1, 4, 100, 400, 1600, 1800, 2400, 9999];
        foreach (int year in years)
        {
            for (int month = 0; month <= 13; month++)
            {
                for (int day = 0; day <= 32; day++)
                {
                    string date = FormattableString.Invariant($"{year:0000}-{month:00}-{day:00}");
                    byte[] line = Encoding.ASCII.GetBytes("C," + date + ",1\n");
                    int next = PlainLine.Parse(line, 0, out _, out int parsed, out _, out _);
                    bool ok = parser.TryParse(date.AsSpan(), out int expected);
                    Assert.Equal(ok, next > 0);
                    if (ok)
                    {
                        Assert.Equal(expected, parsed);
                    }
                }
            }
        }
    }

    [Fact]
    public void Plain_Line_Dates_With_Stray_Bytes_Agree_With_The_Date_Parser_Meets_Specification()
    {
        // The date is checked as one 8-byte word (digits and dashes) plus three bytes: any byte anywhere in
        // "yyyy-MM-dd," replaced by one just below or above a digit or a dash, a space, a NUL, 0xFF or another digit
        // must be rejected exactly when the general path's parser rejects the text (or the comma is gone).
        DateParser parser = DateParser.For("yyyy-MM-dd");
        byte[] strays = [(byte)'/', (byte)':', (byte)',', (byte)'-', (byte)'.', (byte)' ', 0, 0xFF, 0x80, (byte)'0', (byte)'9', (byte)'5', (byte)'A'];
        Gen<(int Position, byte Value)> mutation = Gen.Zip(Gen.Choose(0, 10), Gen.Elements(strays));
        Gen<(int Year, int Month, int Day, (int Position, byte Value)[] Mutations)> cases =
            from year in Gen.Choose(1890, 2210)
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(1, 31)
            from count in Gen.Choose(0, 2)
            from mutations in Gen.ArrayOf(mutation, count)
            select (year, month, day, mutations);
        Properties.ForAll(cases.ToArbitrary(), c =>
        {
            byte[] date = Encoding.ASCII.GetBytes(FormattableString.Invariant($"{c.Year:0000}-{c.Month:00}-{c.Day:00},"));
            foreach ((int position, byte value) in c.Mutations)
            {
                date[position] = value;
            }

            byte[] line = [(byte)'C', (byte)',', .. date, (byte)'1', (byte)'\n'];
            int next = PlainLine.Parse(line, 0, out _, out int parsed, out _, out _);
            string text = new(date.Take(10).Select(b => (char)b).ToArray());
            bool ok = date[10] == (byte)',' && parser.TryParse(text.AsSpan(), out int expected) && parsed == expected;
            return ok == next > 0;
        }, 5000);
    }

    [Fact]
    public void Plain_Line_Amounts_Read_As_One_Word_Agree_With_The_Byte_By_Byte_Reader_Meets_Specification()
    {
        // Amounts of up to 8 bytes of digits and one point are read as one word; anything else byte by byte. Over any
        // bytes (digits, points, signs, line ends, other bytes, bytes above 0x7F) followed by the rest of a line, both
        // must give the same position, units and scale (or both −1).
        byte[] alphabet = [(byte)'0', (byte)'1', (byte)'5', (byte)'9', (byte)'.', (byte)'.', (byte)'-', (byte)'+', (byte)'\r', (byte)'\n', (byte)',', (byte)' ', (byte)'/', (byte)':', 0, 0x80, 0xAE, 0xFF];
        Gen<byte[]> amounts = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet), n));
        Gen<byte[]> tails = Gen.Choose(0, 9).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet), n));
        Properties.ForAll(Gen.Zip(amounts, tails).ToArbitrary(), c =>
        {
            byte[] line = [.. c.Item1, (byte)'\n', .. c.Item2];
            int fast = PlainLine.ParseAmount(line, 0, out long units, out int scale);
            int slow = PlainLine.ParseAmountByBytes(line, 0, out long expectedUnits, out int expectedScale);
            return fast == slow && (fast < 0 || (units == expectedUnits && scale == expectedScale));
        }, 20000);
    }

    [Fact]
    public void Plain_Line_Amounts_Of_Digits_And_One_Point_Have_Their_Decimal_Value_Meets_Specification()
    {
        // Well-formed amounts of 1 to 10 characters (the one-word path takes those up to 7) end in LF or CRLF: the units
        // at their scale are the decimal the text says, and the line ends after the line feed.
        Gen<(string Text, bool Crlf)> cases =
            from digits in Gen.Choose(1, 9).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n))
            from point in Gen.Choose(-1, digits.Length)
            from crlf in Gen.Elements(false, true)
            select (point < 0 ? new string(digits) : new string(digits).Insert(point, "."), crlf);
        Properties.ForAll(cases.ToArbitrary(), c =>
        {
            byte[] line = Encoding.ASCII.GetBytes(c.Text + (c.Crlf ? "\r\n" : "\n") + "C9,2024-01-01,1\n");
            int next = PlainLine.ParseAmount(line, 0, out long units, out int scale);
            decimal expected = decimal.Parse(c.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return next == c.Text.Length + (c.Crlf ? 2 : 1) && units / (decimal)Math.Pow(10, scale) == expected;
        }, 5000);
    }
}
