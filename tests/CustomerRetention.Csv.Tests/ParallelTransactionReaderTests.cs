using System.Globalization;
using System.Text;
using CustomerRetention.Csv;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Core.Tests;

/// <summary>
/// The parallel reader (blocks of lines parsed on several workers, merged in file order) must give the
/// result of the general path bit for bit: same customers in the same order, rows, amounts, skipped
/// counts, and the same error (file, line, field). Small blocks put block boundaries everywhere: inside
/// quoted fields, between CR and LF, right after a byte-order mark.
/// </summary>
public sealed class ParallelTransactionReaderTests
{
    private static readonly string[] Ids = ["C1", "C2", "C10", "klant-ü", "顧客", "A", "B7"];
    private static readonly string[] OddLines =
    [
        "\"Q,1\",2020-01-01,1.5",
        "\"multi\nline\",2020-01-03,3",
        "R,2020-01-01,\"2.25\"",
        " S ,2020-01-02, 3 ",
        "T,2020-02-30,1",
        "U,2020-01-01,abc",
        ",2020-01-01,1",
        "V,2020-01-01",
        "W,2020-01-01,NaN",
        "X,2020-01-01,1.1234567891",
        "Y,20200101,1",
        "",
        "Z,2020-01-01,1\rZ2,2020-01-02,2",
    ];

    [Fact]
    public void Parallel_Reads_Agree_With_The_General_Path_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(0, 300).ToArbitrary(),
            Gen.Choose(0, 15).ToArbitrary(),
            (seed, rows, flavour) =>
            {
                var random = new Random(seed);
                bool crlf = (flavour & 1) != 0;
                bool bom = (flavour & 2) != 0;
                bool odd = (flavour & 4) != 0;
                bool skip = (flavour & 8) != 0;
                byte[] bytes = File(random, rows, crlf, bom, odd ? 0.05 : 0);
                var options = new TransactionCsvOptions { SkipInvalid = skip };
                var settings = new ParallelTransactionReader.Settings(random.Next(2, 5), random.Next(16, 200));
                return ReadResults.Describe(() => ParallelRead(bytes, options, settings)) == ReadResults.Describe(() => GeneralRead(bytes, options));
            }));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void An_Error_In_A_Later_Block_Names_Its_Line(bool crlf, bool bom)
    {
        // docs/cli.md, "Input: transactions CSV": errors name the file, the physical line and the field.
        var random = new Random(5);
        var text = new StringBuilder("customer_id,date,amount\n");
        for (int i = 0; i < 500; i++)
        {
            text.Append(Row(random)).Append('\n');
        }

        text.Append("C1,2020-01-01,1;5\n");
        for (int i = 0; i < 100; i++)
        {
            text.Append(Row(random)).Append('\n');
        }

        byte[] bytes = Encode(text.ToString(), crlf, bom);

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => ParallelRead(bytes, null, new ParallelTransactionReader.Settings(2, 64)));

        Assert.Equal(502L, e.LineNumber);
        Assert.Equal("amount", e.Field);
        Assert.Equal(ReadResults.Describe(() => GeneralRead(bytes, null)), "error: " + e.Message);
    }

    [Fact]
    public void A_Quoted_Field_Across_A_Block_Boundary_Is_Read_Whole()
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        var random = new Random(11);
        for (int i = 0; i < 50; i++)
        {
            text.Append(Row(random)).Append('\n');
        }

        // A quoted id with line feeds and commas long enough to span several 64-byte blocks.
        text.Append("\"long\n").Append(string.Join("\n", Enumerable.Repeat("a,b,c,2020-01-01,1", 12))).Append("\",2020-01-05,7\n");
        for (int i = 0; i < 50; i++)
        {
            text.Append(Row(random)).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());

        TransactionCsvResult read = ParallelRead(bytes, null, new ParallelTransactionReader.Settings(2, 64));

        Assert.Equal(101, read.Table.Count);
        Assert.Equal(ReadResults.Describe(() => GeneralRead(bytes, null)), ReadResults.Describe(() => read));
    }

    [Fact]
    public void Lines_Longer_Than_A_Block_Agree_With_The_General_Path_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            seed =>
            {
                var random = new Random(seed);
                var text = new StringBuilder("customer_id,date,amount\n");
                for (int i = 0; i < 60; i++)
                {
                    // Ids from 1 to 400 bytes, blocks of 32 to 96: lines span blocks, partial lines outgrow blocks.
                    text.Append(new string((char)('a' + random.Next(3)), 1 + random.Next(random.Next(2) == 0 ? 5 : 400)))
                        .Append(",2021-03-04,").Append(random.Next(1000)).Append('\n');
                }

                byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
                var settings = new ParallelTransactionReader.Settings(2, random.Next(32, 97));
                return ReadResults.Describe(() => ParallelRead(bytes, null, settings)) == ReadResults.Describe(() => GeneralRead(bytes, null));
            }));
    }

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Unordered_Files_Switch_To_The_Sequential_Reader_With_The_Same_Result(bool skip)
    {
        // Mostly distinct customers in the first block (an unordered file): after it, the sequential reader
        // reads on; rows, customers, skipped counts and the error line agree with the general path.
        var random = new Random(23);
        var text = new StringBuilder("customer_id,date,amount\n");
        for (int i = 0; i < 12000; i++)
        {
            text.Append(i > 3000 && i % 997 == 500 ? OddLines[random.Next(OddLines.Length)] : Row(random, 1_000_000)).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var options = new TransactionCsvOptions { SkipInvalid = skip };

        Assert.Equal(ReadResults.Describe(() => GeneralRead(bytes, options)), ReadResults.Describe(() => ParallelRead(bytes, options, new ParallelTransactionReader.Settings(2, 32 << 10))));
    }

    [Fact]
    public void Skipped_Rows_Are_Counted_As_In_A_Sequential_Read()
    {
        var random = new Random(3);
        byte[] bytes = File(random, 2000, crlf: false, bom: false, oddShare: 0.02);
        var options = new TransactionCsvOptions { SkipInvalid = true };

        TransactionCsvResult parallel = ParallelRead(bytes, options, new ParallelTransactionReader.Settings(3, 128));
        TransactionCsvResult general = GeneralRead(bytes, options);

        Assert.True(general.SkippedRows > 0);
        Assert.Equal(general.SkippedRows, parallel.SkippedRows);
        Assert.Equal(general.FirstSkipped?.Message, parallel.FirstSkipped?.Message);
        Assert.Equal(ReadResults.Describe(() => general), ReadResults.Describe(() => parallel));
    }

    [Fact]
    public void A_Large_Stream_Takes_The_Parallel_Path_With_The_Default_Settings_And_Agrees()
    {
        // More than two default blocks (1 MiB each), from a stream that cannot seek (standard input).
        var random = new Random(17);
        var text = new StringBuilder("customer_id,date,amount\n");
        while (text.Length < 3_500_000)
        {
            text.Append(Row(random, 20000)).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var progress = new List<long>();
        var options = new TransactionCsvOptions { Progress = new SyncProgress(progress) };

        TransactionCsvResult parallel = TransactionCsv.Read(new ForwardOnlyStream(bytes), "-", options);
        TransactionCsvResult sequential = Utf8TransactionReader.Read(new MemoryStream(bytes), "-", TransactionCsvOptions.Default, new ParallelTransactionReader.Settings(1, 1 << 20));

        Assert.Equal(Fingerprint(sequential.Table), Fingerprint(parallel.Table));
        Assert.Equal(sequential.Table.Customers.Select(c => c.Value), parallel.Table.Customers.Select(c => c.Value));
        Assert.Equal(Enumerable.Range(1, (int)(parallel.Table.Count / (1 << 20))).Select(k => (long)k << 20), progress);
    }

    private static string Row(Random random, int customers = 40) =>
        "C" + random.Next(customers).ToString(CultureInfo.InvariantCulture) + ","
        + DayNumbers.ToDate(random.Next(-2000, 25000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ","
        + (random.Next(-100000, 100000) / (decimal)Math.Pow(10, random.Next(0, 4))).ToString(CultureInfo.InvariantCulture);

    private static byte[] File(Random random, int rows, bool crlf, bool bom, double oddShare)
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        string last = Ids[0];
        for (int i = 0; i < rows; i++)
        {
            if (random.NextDouble() < oddShare)
            {
                text.Append(OddLines[random.Next(OddLines.Length)]).Append('\n');
                continue;
            }

            // Runs of the same customer, as in grouped files.
            last = random.Next(3) == 0 ? Ids[random.Next(Ids.Length)] : last;
            string date = DayNumbers.ToDate(random.Next(-2000, 25000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string amount = (random.Next(-100000, 100000) / (decimal)Math.Pow(10, random.Next(0, 3))).ToString(CultureInfo.InvariantCulture);
            text.Append(last).Append(',').Append(date).Append(',').Append(amount).Append('\n');
        }

        return Encode(text.ToString(), crlf, bom);
    }

    private static byte[] Encode(string text, bool crlf, bool bom)
    {
        string t = crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
        byte[] bytes = Encoding.UTF8.GetBytes(t);
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private static TransactionCsvResult ParallelRead(byte[] bytes, TransactionCsvOptions? options, ParallelTransactionReader.Settings settings) =>
        Utf8TransactionReader.Read(new MemoryStream(bytes), "t.csv", options ?? TransactionCsvOptions.Default, settings);

    private static TransactionCsvResult GeneralRead(byte[] bytes, TransactionCsvOptions? options)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, false), true);
        return TransactionCsv.Read(reader, "t.csv", options);
    }

    private static string Fingerprint(TransactionTable table)
    {
        long hash = 17;
        for (int i = 0; i < table.Count; i++)
        {
            hash = (hash * 31) + table.CustomerIndices[i];
            hash = (hash * 31) + table.DayNumbers[i];
            hash = (hash * 31) + table.Amounts[i].GetHashCode();
        }

        return FormattableString.Invariant($"{table.Count} rows, {table.CustomerCount} customers, {hash}");
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    internal sealed class SyncProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }

    /// <summary>A stream that cannot seek, like standard input.</summary>
    internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 70_000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
