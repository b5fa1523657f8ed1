using System.Text.Json;

namespace CustomerRetention.Cli.Tests;

/// <summary><c>retention health</c> (docs/cli.md, "Health"; docs/health.md).</summary>
public sealed class HealthCommandTests : IDisposable
{
    private const string Header = "customer_id,health,band,reasons";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "health-tests-" + Guid.NewGuid().ToString("N"));

    public HealthCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Cdnow => TestData.Path("cdnow_sample_transactions.csv");

    private static string Tickets => TestData.Path("health_tickets.csv");

    [Fact]
    public void Cdnow_WithTickets_HandWorked()
    {
        CliResult result = CliRunner.Run("health", "--transactions", Cdnow, "--tickets", Tickets);

        Assert.Equal(0, result.ExitCode);
        Dictionary<string, string[]> rows = Rows(result.Output);
        Assert.Equal(2357, rows.Count); // every CDNOW customer bought on or before the latest date

        // Customer 19 (as-of 1998-06-30, the latest date): on rhythm (last purchase 56 days ago, usual gap 488/5 = 97.6 days)
        // and spending more than in the 90 days before, so only the tickets count. Ticket load: open high complaint of 10 days
        // 4 × 1.5 × (1 + 10/30) = 8; open medium ticket of 30 days 2 × (1 + 30/30) = 4; medium ticket resolved 51 days ago
        // 2 × 0.5 = 1; L = 13, risk 13 / (13 + 6) = 0.68421; health = 100 × (1 − 0.6 × 13/19) = 58.947 → watch.
        Assert.Equal(100 * (1 - (0.6 * 13 / 19)), double.Parse(rows["19"][1], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("watch", rows["19"][2]);
        Assert.Equal("2 open tickets (1 complaint), oldest 30 days, highest severity high, 1 ticket resolved in the last 90 days", rows["19"][3]);

        // Customer 25: critical ticket open for 90 days, 8 × (1 + 90/30) = 32; health = 100 × (1 − 0.6 × 32/38) = 49.47 → at-risk.
        Assert.Equal(100 * (1 - (0.6 * 32 / 38)), double.Parse(rows["25"][1], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("at-risk", rows["25"][2]);

        // Customer 2: last purchase 533 days ago against a 12-day rhythm (44x): cadence risk 1, health 100 × (1 − 0.8) = 20.
        Assert.Equal(20, double.Parse(rows["2"][1], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("critical", rows["2"][2]);
    }

    [Fact]
    public void Docs_QuoteTheWorkedExample()
    {
        // docs/health.md shows the tool's rows for customers 1, 2, 19, 25 and 35 of the worked example: they must be what it prints.
        CliResult result = CliRunner.Run("health", "--transactions", Cdnow, "--tickets", Tickets);
        string doc = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "health.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string[] lines = result.Output.Split('\n');

        string expected = string.Join("\n", new[] { Header }.Concat(new[] { "1", "2", "19", "25", "35" }.Select(id => lines.Single(l => l.StartsWith(id + ",", StringComparison.Ordinal)))));
        Assert.Contains("```\n" + expected + "\n```", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySignal_HandWorked_AndHysteresis()
    {
        string transactions = Write(
            "customer_id,date,amount\n"
            + "B,2026-06-01,10\nB,2026-06-15,10\nB,2026-06-29,10\n"
            + "C,2026-04-10,5\nC,2026-04-30,5\nC,2026-05-20,5\n");
        string survey = Write("customer_id,date,score\nB,2026-03-01,9\nB,2026-06-10,4\n");
        string contracts = Write("customer_id,renewal_date,decision_maker_engaged\nB,2026-07-15,no\n");
        string notes = Write("customer_id,date,text\nB,2026-06-20,We will 해지 the contract if this continues\nB,2026-01-01,too expensive\n");
        string alive = Write("customer_id,p_alive,previous_p_alive\nB,0.9,0.95\nC,1,\n");
        string previous = Write("customer_id,health,band,reasons\nB,90,healthy,\nC,80,healthy,\n");

        CliResult result = CliRunner.RunInCulture(
            "de-DE", "health", "--transactions", transactions, "--survey", survey, "--contracts", contracts, "--notes", notes,
            "--p-alive", alive, "--previous", previous, "--as-of", "2026-06-30");

        Assert.Equal(0, result.ExitCode);
        Dictionary<string, string[]> rows = Rows(result.Output);

        // B, hand-worked (docs/health.md formulas, default weights): cadence on rhythm (1 day, gap 14) and no earlier spend: no risk.
        // Satisfaction 4 of 10: (0.9 − 0.4)/0.6 → 0.5 × 0.8333; fell from 9: (0.9 − 0.4)/0.3 ≥ 1 → 0.3; renewal in 15 days,
        // not engaged: 0.4 × (1 − 15/90); the note of 10 days ago hits '해지' (weight 1) → 0.6 (the note of 180 days ago is
        // outside the 90-day window); P(alive) 0.9 → 0.8 × 0.1, fell by 0.05 → 0.3 × 0.1.
        double b = 100 * (1 - (0.5 * 0.5 / 0.6)) * (1 - 0.3) * (1 - (0.4 * (1 - (15.0 / 90)))) * (1 - 0.6) * (1 - (0.8 * 0.1)) * (1 - (0.3 * 0.1));
        Assert.Equal(b, double.Parse(rows["B"][1], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("critical", rows["B"][2]);
        Assert.Equal("risk words: '해지'; last satisfaction answer 4 on 0-10; renewal in 15 days, decision-maker not engaged", rows["B"][3]);

        // C: 41 days silent against a 20-day rhythm: risk (2.05 − 1)/3 = 0.35, health 100 × (1 − 0.8 × 0.35) = 72 — watch by
        // its range, but healthy before and within the 5-point margin of 75: stays healthy.
        Assert.Equal(72, double.Parse(rows["C"][1], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("healthy", rows["C"][2]);
    }

    [Fact]
    public void AsOf_LeavesOutLaterCustomers_AndKeepsEachCustomersOwnSpend()
    {
        // X first buys after the as-of date (and first in the file); Y's spend fell from 100 (2025-09-02..2025-12-01)
        // to 10 (2025-12-02..2026-03-01): change −0.9, risk min(1, 0.9/0.8) = 1, health 100 × (1 − 0.4) = 60. Y's cadence:
        // gap (2026-01-15 − 2025-10-01)/2 = 53 days, 45 days silent: no risk.
        string transactions = Write("customer_id,date,amount\nX,2026-05-01,100\nY,2025-10-01,50\nY,2025-11-01,50\nY,2026-01-15,10\n");

        CliResult result = CliRunner.Run("health", "--transactions", transactions, "--as-of", "2026-03-01");

        Assert.Equal(0, result.ExitCode);
        Dictionary<string, string[]> rows = Rows(result.Output);
        Assert.Equal(new[] { "Y" }, rows.Keys);
        Assert.Equal(60, double.Parse(rows["Y"][1], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("spend down 90% (last 90 days 10 vs 100 before)", rows["Y"][3]);
    }

    [Fact]
    public void Json_HasTheContractFields_InGermanCulture()
    {
        CliResult result = CliRunner.RunInCulture("de-DE", "health", "--transactions", Cdnow, "--tickets", Tickets, "--format", "json");
        CliResult csv = CliRunner.Run("health", "--transactions", Cdnow, "--tickets", Tickets);

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("customer_id").GetString() == "25");
        Assert.Equal(100 * (1 - (0.6 * 32 / 38)), row.GetProperty("health").GetDouble(), 10); // hand-worked above
        Assert.Equal("at-risk", row.GetProperty("band").GetString());
        Assert.Equal("1 open ticket, oldest 90 days, highest severity critical", row.GetProperty("reasons").GetString());
        Assert.Equal(Rows(csv.Output).Count, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void GermanCulture_PrintsTheSameCsv()
    {
        CliResult invariant = CliRunner.Run("health", "--transactions", Cdnow, "--tickets", Tickets);
        CliResult german = CliRunner.RunInCulture("de-DE", "health", "--transactions", Cdnow, "--tickets", Tickets);

        Assert.Equal(invariant.Output, german.Output);
        Assert.StartsWith(Header + "\n", german.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderOnly_IsAnEmptyResult_AndUnmatchedSideRowsAreNoted()
    {
        CliResult empty = CliRunner.RunWithInput("customer_id,date,amount\n", "health", "--transactions", "-");
        Assert.Equal(0, empty.ExitCode);
        Assert.Equal(Header + "\n", empty.Output);

        string transactions = Write("customer_id,date,amount\nA,2026-01-01,5\n");
        string tickets = Write("customer_id,opened,severity\nA,2026-01-01,low\nZ,2026-01-01,high\n");
        CliResult noted = CliRunner.Run("health", "--transactions", transactions, "--tickets", tickets);
        Assert.Equal(0, noted.ExitCode);
        Assert.Contains("1 customer in --tickets had no purchase", Assert.Single(noted.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tickets", "customer_id,opened,severity\nA,2026-01-01,urgent\n", ":2: field 'severity': 'urgent' is not a severity")]
    [InlineData("--tickets", "customer_id,opened,severity,resolved\nA,2026-01-01,low,\nA,2026-01-05,low,2026-01-04\n", ":3: field 'resolved': '2026-01-04' is before the opening date")]
    [InlineData("--tickets", "customer_id,opened,severity,kind\nA,2026-01-01,low,praise\n", ":2: field 'kind': 'praise' is not a kind")]
    [InlineData("--tickets", "customer_id,severity\nA,low\n", ":1: field 'opened': the header lacks the required column 'opened'")]
    [InlineData("--survey", "customer_id,date,score\nA,2026-01-01,11\n", ":2: field 'score': '11' is outside the scale 0-10")]
    [InlineData("--survey", "customer_id,date,score\nA,2026-01-01,\"7,5\"\n", ":2: field 'score'")]
    [InlineData("--survey", "customer_id,date,score\nA,2026-02-30,7\n", ":2: field 'date'")]
    [InlineData("--contracts", "customer_id,renewal_date,decision_maker_engaged\nA,2026-09-01,maybe\n", ":2: field 'decision_maker_engaged': 'maybe' is not yes/no")]
    [InlineData("--notes", "customer_id,date\nA,2026-01-01\n", ":1: field 'text'")]
    [InlineData("--p-alive", "customer_id,p_alive\nA,1.5\n", ":2: field 'p_alive': '1.5' is not a probability")]
    [InlineData("--p-alive", "customer_id,p_alive\nA,NaN\n", ":2: field 'p_alive'")]
    [InlineData("--previous", "customer_id,band\nA,fine\n", ":2: field 'band': 'fine' is not a band")]
    [InlineData("--tickets", "customer_id,opened,severity\n ,2026-01-01,low\n", ":2: field 'customer_id': the customer id is empty")]
    public void BadSideFile_IsOneLine_Exit2_NoOutput(string option, string content, string expected)
    {
        string transactions = Write("customer_id,date,amount\nA,2026-01-01,5\n");
        string path = Write(content);

        CliResult result = CliRunner.RunInCulture("de-DE", "health", "--transactions", transactions, option, path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path + expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void BadTransactions_IsOneLine_Exit2_NoOutput()
    {
        string transactions = Write("customer_id,date,amount\nA,2026-01-01,5\nB,2026-01-01,abc\n");

        CliResult result = CliRunner.Run("health", "--transactions", transactions, "--tickets", Tickets);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(transactions + ":3: field 'amount'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("--window-days", "0")]
    [InlineData("--top", "-1")]
    [InlineData("--as-of", "2026-13-01")]
    [InlineData("--format", "xml")]
    public void BadOption_IsOneLine_Exit2(string option, string value)
    {
        CliResult result = CliRunner.Run("health", "--transactions", Cdnow, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"option '{option}'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void MissingFiles_AreOneLine_Exit2()
    {
        CliResult missing = CliRunner.Run("health", "--transactions", Cdnow, "--notes", Path.Combine(_dir, "nope.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);

        CliResult lexicon = CliRunner.Run("health", "--transactions", Cdnow, "--lexicon", Write("en\t2\tcancel\n"));
        Assert.Equal(2, lexicon.ExitCode);
        Assert.Contains("Lexicon line 1", Assert.Single(lexicon.ErrorLines), StringComparison.Ordinal);

        CliResult noOption = CliRunner.Run("health");
        Assert.Equal(2, noOption.ExitCode);
        Assert.Contains("missing required option '--transactions'", Assert.Single(noOption.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicon_ReplacesTheShippedWords()
    {
        string transactions = Write("customer_id,date,amount\nA,2026-06-01,5\nA,2026-06-10,5\n");
        string notes = Write("customer_id,date,text\nA,2026-06-09,Ich kündige zum Monatsende\n");
        string lexicon = Write("# German\nde\t1\tkündige\n");

        CliResult shipped = CliRunner.Run("health", "--transactions", transactions, "--notes", notes);
        CliResult custom = CliRunner.Run("health", "--transactions", transactions, "--notes", notes, "--lexicon", lexicon);

        Assert.Equal("100", Rows(shipped.Output)["A"][1]); // no shipped word in German
        Assert.Equal("risk words: 'kündige'", Rows(custom.Output)["A"][3]);
        Assert.Equal(40, double.Parse(Rows(custom.Output)["A"][1], System.Globalization.CultureInfo.InvariantCulture), 10); // 100 × (1 − 0.6 × 1)
    }

    private static Dictionary<string, string[]> Rows(string csv)
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        foreach (string line in lines.Skip(1))
        {
            string[] fields = SplitCsv(line);
            Assert.Equal(4, fields.Length);
            rows.Add(fields[0], fields);
        }

        return rows;
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields.ToArray();
    }

    private string Write(string content)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }
}
