using System.Globalization;
using System.Text.Json;

namespace CustomerRetention.Cli.Tests;

/// <summary>
/// <c>retention rfm</c> against docs/cli.md, convention by convention, on a five-customer file worked
/// by hand, and on the CDNOW sample against tests/data/expected/cdnow_sample_rfm.csv.
/// </summary>
public sealed class RfmCommandTests : IDisposable
{
    // As-of (latest date) 2024-01-31.
    // A: 01-01 10.00, 01-31 20.00            → recency 0,  frequency 2, total 30
    // B: 01-15 5.00                          → recency 16, frequency 1, total 5
    // C: 01-20 100.00, 01-20 −20.00 (refund) → recency 11, frequency 2 (rows, same day), total 80
    // D: 01-10 7.50                          → recency 21, frequency 1, total 7.5
    // E: 01-31 1.00, 01-05 2.00, 01-25 3.00  → recency 0,  frequency 3, total 6 (rows in any order)
    private const string Five =
        "customer_id,date,amount\n"
        + "A,2024-01-01,10.00\nB,2024-01-15,5.00\nC,2024-01-20,100.00\nA,2024-01-31,20.00\nD,2024-01-10,7.50\n"
        + "C,2024-01-20,-20.00\nE,2024-01-31,1.00\nE,2024-01-05,2.00\nE,2024-01-25,3.00\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rfm-{Guid.NewGuid():N}");

    public RfmCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Dictionary<string, string[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], StringComparer.Ordinal);

    [Fact]
    public void Header_Is_The_Contract_Columns_In_Order()
    {
        CliResult result = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("customer_id,recency_days,frequency,monetary,r,f,m,segment\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_Follow_The_Definitions()
    {
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five)).Output);

        // recency_days (as-of = latest date 2024-01-31), frequency = rows, monetary = total with refunds.
        Assert.Equal(["0", "2", "30"], rows["A"][1..4]);
        Assert.Equal(["16", "1", "5"], rows["B"][1..4]);
        Assert.Equal(["11", "2", "80"], rows["C"][1..4]);
        Assert.Equal(["21", "1", "7.5"], rows["D"][1..4]);
        Assert.Equal(["0", "3", "6"], rows["E"][1..4]);
    }

    [Fact]
    public void Quintile_Scores_And_Default_Segments_Worked_By_Hand()
    {
        // n = 5, h = 4·i/5 = 0.8, 1.6, 2.4, 3.2.
        // R on goodness (−days) sorted −21 −16 −11 0 0: cut points −17, −13, −6.6, 0 → A, E (0 days) 4; C 3; B 2; D 1
        //   (0 days equals the last cut point 0 → the lower score 4, not 5).
        // F sorted 1 1 2 2 3: cut points 1, 1.6, 2, 2.2 → A, C (2) 3; B, D 1; E 5.
        // M sorted 5 6 7.5 30 80: cut points 5.8, 6.9, 16.5, 40 → A 4; B 1; C 5; D 3; E 2.
        // Default map (R, F): A 4,3 Potential Loyalists; B 2,1 Hibernating; C 3,3 Need Attention;
        // D 1,1 Hibernating; E 4,5 Loyal Customers.
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five)).Output);

        Assert.Equal(["4", "3", "4", "Potential Loyalists"], rows["A"][4..]);
        Assert.Equal(["2", "1", "1", "Hibernating"], rows["B"][4..]);
        Assert.Equal(["3", "3", "5", "Need Attention"], rows["C"][4..]);
        Assert.Equal(["1", "1", "3", "Hibernating"], rows["D"][4..]);
        Assert.Equal(["4", "5", "2", "Loyal Customers"], rows["E"][4..]);
    }

    [Fact]
    public void Two_Bins_Give_A_Value_Equal_To_The_Median_The_Lower_Score_And_An_Empty_Segment()
    {
        // h = 4·1/2 = 2 → cut points are the medians: 11 days, 2 transactions, 7.5.
        // C (11 days) R 1, A (2 transactions) F 1, D (7.50) M 1: equal to the cut point → lower score.
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--bins", "2").Output);

        Assert.Equal(["2", "1", "2", ""], rows["A"][4..]);
        Assert.Equal(["1", "1", "2", ""], rows["C"][4..]);
        Assert.Equal(["1", "1", "1", ""], rows["D"][4..]);
        Assert.Equal(["2", "2", "1", ""], rows["E"][4..]);
    }

    [Fact]
    public void As_Of_Counts_Only_Purchases_On_Or_Before_It()
    {
        // As-of 2024-01-15: A 01-01 (14 days, 1 row, 10.00); B 01-15 (0 days); D 01-10 (5 days); E 01-05 (10 days, 2.00); C has none.
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--as-of", "2024-01-15").Output);

        Assert.Equal(["A", "B", "D", "E"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["14", "1", "10"], rows["A"][1..4]);
        Assert.Equal(["10", "1", "2"], rows["E"][1..4]);
    }

    [Fact]
    public void Monetary_Mean_Divides_By_The_Rows()
    {
        // C: (100 − 20) / 2 = 40; E: 6 / 3 = 2.
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--monetary", "mean").Output);

        Assert.Equal(40m, decimal.Parse(rows["C"][3], CultureInfo.InvariantCulture));
        Assert.Equal(2m, decimal.Parse(rows["E"][3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Show_Cuts_Prints_The_Cut_Points_On_Standard_Error_Only()
    {
        CliResult plain = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five));
        CliResult shown = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--show-cuts");

        Assert.Equal(plain.Output, shown.Output);
        // Recency cut points in days: 17, 13, 6.6, 0 → ascending 0, 6.6, 13, 17.
        Assert.Contains("recency_days cut points: 0, 6.6, 13, 17", shown.Error, StringComparison.Ordinal);
        Assert.Contains("frequency cut points: 1, 1.6, 2, 2.2; scores in use: 1, 3, 5", shown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Holds_The_Cut_Points_And_The_Rows()
    {
        CliResult result = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(result.Output);
        JsonElement root = doc.RootElement;

        Assert.Equal("2024-01-31", root.GetProperty("asOf").GetString());
        Assert.Equal(5, root.GetProperty("bins").GetInt32());
        double[] m = root.GetProperty("cuts").GetProperty("monetary").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Tolerance.Close(5.8, m[0]);   // 5 + 0.8·(6 − 5)
        Tolerance.Close(6.9, m[1]);   // 6 + 0.6·(7.5 − 6)
        Tolerance.Close(16.5, m[2]);  // 7.5 + 0.4·(30 − 7.5)
        Tolerance.Close(40, m[3]);    // 30 + 0.2·(80 − 30)
        Assert.Equal([1, 3, 5], root.GetProperty("scoresInUse").GetProperty("f").EnumerateArray().Select(e => e.GetInt32()));
        JsonElement c = root.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("customer_id").GetString() == "C");
        Assert.Equal(80.00m, c.GetProperty("monetary").GetDecimal());
        Assert.Equal("Need Attention", c.GetProperty("segment").GetString());
    }

    [Fact]
    public void Ntile_Splits_Ties_By_Customer_Id()
    {
        // Frequencies A 2, B 1, C 2, D 1, E 3 in 2 bins (sizes 3, 2): order by value then id: B D A | C E.
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--bins", "2", "--binning", "ntile").Output);

        Assert.Equal("1", rows["A"][5]);
        Assert.Equal("2", rows["C"][5]);
        Assert.Equal("2", rows["E"][5]);
    }

    [Fact]
    public void Thresholds_From_The_Command_Line()
    {
        // Recency cut points 5, 15 days (3 bins): A 0 → 3, C 11 → 2, B 16 → 1. Frequency 1, 2: E 3 → 3, A 2 → 2 (equal → lower).
        Dictionary<string, string[]> rows = Rows(CliRunner.Run(
            "rfm", "--transactions", Write("t.csv", Five), "--binning", "thresholds",
            "--recency-cuts", "5,15", "--frequency-cuts", "1,2", "--monetary-cuts", "10,50").Output);

        Assert.Equal(["3", "2", "2"], rows["A"][4..7]);
        Assert.Equal(["2", "2", "3"], rows["C"][4..7]);
        Assert.Equal(["1", "1", "1"], rows["B"][4..7]);

        CliResult bad = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--binning", "thresholds", "--recency-cuts", "15,5", "--frequency-cuts", "1,2", "--monetary-cuts", "10,50");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.ErrorLines);
    }

    [Fact]
    public void Segments_File_Supplies_A_Map_For_Other_Bins()
    {
        string map = Write(
            "map.csv",
            "segment,r_min,r_max,f_min,f_max,description,action\n"
            + "Active,2,2,1,2,bought lately,keep\n"
            + "\"Lapsed, valuable\",1,1,2,2,\"gone quiet, frequent\",call\n"
            + "Rest,,,,,,\n");
        Dictionary<string, string[]> rows = Rows(CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--bins", "2", "--segments", map).Output);

        // --bins 2 scores (see above): A R2 → Active; C R1 F1 → Rest; E R2 F2 → Active.
        Assert.Equal("Active", rows["A"][7]);
        Assert.Equal("Rest", rows["C"][7]);
        Assert.Equal("Active", rows["E"][7]);
    }

    [Fact]
    public void Segments_File_That_Leaves_Cells_Uncovered_Is_Exit_2()
    {
        string map = Write("map.csv", "segment,r_min,r_max,f_min,f_max\nActive,2,2,1,2\n");
        CliResult result = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--bins", "2", "--segments", map);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No rule covers R 1 F 1 M 1", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_Add_Level_And_Reasons()
    {
        // E bought on 01-05, 01-25, 01-31: cadence (31 − 5) / 2 = 13 days, recency 0 → no cadence warning.
        // With --previous-as-of 2024-01-20 the score-drop rules compare with the scores then.
        CliResult result = CliRunner.Run("rfm", "--transactions", Write("t.csv", Five), "--warnings", "--previous-as-of", "2024-01-20");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("customer_id,recency_days,frequency,monetary,r,f,m,segment,warning_level,warning_reasons\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("\nE,0,3,6,4,5,2,Loyal Customers,none,\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_Only_File_Gives_An_Empty_Table()
    {
        CliResult result = CliRunner.Run("rfm", "--transactions", Write("t.csv", "customer_id,date,amount\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("customer_id,recency_days,frequency,monetary,r,f,m,segment\n", result.Output);
    }

    [Fact]
    public void Malformed_Row_Is_One_Line_Naming_File_Line_And_Field()
    {
        string path = Write("bad.csv", "customer_id,date,amount\nA,2024-01-01,1.00\nB,2024-01-02,NaN\n");
        CliResult result = CliRunner.Run("rfm", "--transactions", path);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains(":3:", line, StringComparison.Ordinal);
        Assert.Contains("amount", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Options_Are_Exit_2()
    {
        string path = Write("t.csv", Five);
        Assert.Equal(2, CliRunner.Run("rfm", "--transactions", path, "--bins", "11").ExitCode);
        Assert.Equal(2, CliRunner.Run("rfm", "--transactions", path, "--binning", "kmeans").ExitCode);
        Assert.Equal(2, CliRunner.Run("rfm", "--transactions", path, "--previous-as-of", "2024-01-01").ExitCode);
        Assert.Equal(2, CliRunner.Run("rfm").ExitCode);
    }

    [Fact]
    public void Output_Is_The_Same_In_Another_Culture_From_Standard_Input_And_With_Crlf()
    {
        string path = Write("t.csv", Five);
        string expected = CliRunner.Run("rfm", "--transactions", path, "--monetary", "mean").Output;

        Assert.Equal(expected, CliRunner.RunInCulture("de-DE", "rfm", "--transactions", path, "--monetary", "mean").Output);
        Assert.Equal(expected, CliRunner.RunWithInput(Five, "rfm", "--transactions", "-", "--monetary", "mean").Output);
        Assert.Equal(expected, CliRunner.Run("rfm", "--transactions", Write("crlf.csv", Five.Replace("\n", "\r\n", StringComparison.Ordinal)), "--monetary", "mean").Output);
    }

    [Fact]
    public void Cdnow_Sample_Matches_The_Expected_Table()
    {
        // tests/data/expected/cdnow_sample_rfm.csv: computed by the shared contract in exact arithmetic.
        Dictionary<string, string[]> actual = Rows(CliRunner.Run("rfm", "--transactions", TestData.Path("cdnow_sample_transactions.csv")).Output);
        var expected = TestData.Rows("expected/cdnow_sample_rfm.csv");

        Assert.Equal(expected.Count, actual.Count);
        foreach (string[] row in expected)
        {
            string[] got = actual[row[0]];
            Assert.Equal(decimal.Parse(row[3], CultureInfo.InvariantCulture), decimal.Parse(got[3], CultureInfo.InvariantCulture));
            Assert.Equal(row[1..3], got[1..3]);
            Assert.Equal(row[4..], got[4..]);
        }
    }

    [Fact]
    public void A_Large_File_Read_In_Parallel_Gives_The_Same_Rows_From_Standard_Input_And_From_A_Sequential_Read()
    {
        // Over three default blocks of the reader (1 MiB each): the parallel path; standard input and the file agree,
        // and both agree with the same rows read one by one from a text reader (the general path, docs/cli.md).
        var random = new Random(42);
        var text = new System.Text.StringBuilder("customer_id,date,amount\n");
        int customer = 0;
        while (text.Length < 3_500_000)
        {
            customer += random.Next(3) == 0 ? 1 : 0;
            text.Append('K').Append(customer.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(new DateTime(2023, 1, 1).AddDays(random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append((random.Next(1, 100000) / 100m).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        string path = Write("large.csv", text.ToString());

        CliResult fromFile = CliRunner.Run("rfm", "--transactions", path, "--as-of", "2023-12-31");
        CliResult fromStdin = CliRunner.RunWithInput(text.ToString(), "rfm", "--transactions", "-", "--as-of", "2023-12-31");
        CliResult inGerman = CliRunner.RunInCulture("de-DE", "rfm", "--transactions", path, "--as-of", "2023-12-31");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromFile.Output, fromStdin.Output);
        Assert.Equal(fromFile.Output, inGerman.Output);
        using var reader = new StringReader(text.ToString());
        CustomerRetention.TransactionTable general = CustomerRetention.Csv.TransactionCsv.Read(reader, "large.csv").Table;
        string[] lines = fromFile.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(general.CustomerCount + 1, lines.Length);
        for (int i = 0; i < general.CustomerCount; i += 997)
        {
            // Customers in order of first appearance, as the general path numbers them.
            Assert.StartsWith(general.Customers[i].Value + ",", lines[i + 1], StringComparison.Ordinal);
        }
    }
}
