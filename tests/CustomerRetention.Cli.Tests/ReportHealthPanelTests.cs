using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace CustomerRetention.Cli.Tests;

/// <summary>The "Customer health" panel of <c>retention report</c> (docs/report.md, "Customer health").</summary>
public sealed class ReportHealthPanelTests : IDisposable
{
    private static readonly string[] Bands = ["healthy", "watch", "at-risk", "critical"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "report-health-tests-" + Guid.NewGuid().ToString("N"));

    public ReportHealthPanelTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Cdnow => TestData.Path("cdnow_sample_transactions.csv");

    private static string Tickets => TestData.Path("health_tickets.csv");

    public static TheoryData<string[]> SideFileSets => new()
    {
        new[] { "--tickets" },
        new[] { "--tickets", "--survey", "--contracts", "--notes" },
    };

    [Theory]
    [MemberData(nameof(SideFileSets))]
    public void Panel_ShowsWhatRetentionHealthComputes_OnTheSameFiles(string[] options)
    {
        string[] sideArgs = options.SelectMany(o => new[] { o, SideFile(o) }).ToArray();
        CliResult health = CliRunner.Run(["health", "--transactions", Cdnow, .. sideArgs, "--format", "json"]);
        Assert.True(health.ExitCode == 0, health.Error);
        using JsonDocument json = JsonDocument.Parse(health.Output);
        var expected = json.RootElement.EnumerateArray()
            .Select(r => (Customer: r.GetProperty("customer_id").GetString()!, Health: r.GetProperty("health").GetDouble(), Band: r.GetProperty("band").GetString()!, Reasons: r.GetProperty("reasons").GetString()!))
            .ToList();

        string outPath = Path.Combine(_dir, "report.html");
        CliResult report = CliRunner.RunInCulture("de-DE", ["report", "--transactions", Cdnow, .. sideArgs, "--out", outPath]);
        Assert.True(report.ExitCode == 0, report.Error);
        XElement panel = Section(File.ReadAllText(outPath), "health");

        // The band counts: the table and the chart's text alternative say what retention health's rows add up to.
        List<XElement> bandRows = panel.Descendants("table").First().Elements("tr").Skip(1).ToList();
        Assert.Equal(Bands, bandRows.Select(r => r.Elements("td").First().Value));
        foreach (XElement row in bandRows)
        {
            string band = row.Elements("td").First().Value;
            int count = expected.Count(e => e.Band == band);
            Assert.Equal(count, int.Parse(row.Elements("td").ElementAt(1).Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        }

        Assert.Equal(2357, expected.Count); // every CDNOW customer bought on or before the last date
        Assert.True(expected.Select(e => e.Band).Distinct().Count() >= 3, "the test data must spread over the bands");
        XElement svg = Assert.Single(panel.Descendants("svg"));
        Assert.Equal("Customers per health band", svg.Element("title")!.Value);
        string description = svg.Element("desc")!.Value;
        foreach (string band in Bands)
        {
            Assert.Contains(FormattableString.Invariant($"{band} {expected.Count(e => e.Band == band):#,0} ("), description, StringComparison.Ordinal);
        }

        // The most at-risk table: retention health's 20 lowest scores, lowest first, with band and top 3 reasons.
        var lowest = expected.OrderBy(e => e.Health).ThenBy(e => e.Customer, StringComparer.Ordinal).Take(20).ToList();
        List<XElement> riskRows = panel.Descendants("table").Single(t => (string?)t.Attribute("id") == "health-lowest").Elements("tr").Skip(1).ToList();
        Assert.Equal(lowest.Count, riskRows.Count);
        for (int i = 0; i < lowest.Count; i++)
        {
            string[] cells = riskRows[i].Elements("td").Select(c => c.Value).ToArray();
            Assert.Equal(lowest[i].Customer, cells[0]);
            Assert.Equal(Math.Round(lowest[i].Health, 1), double.Parse(cells[1], CultureInfo.InvariantCulture), 10);
            Assert.Equal(lowest[i].Band, cells[2]);
            Assert.Equal(lowest[i].Reasons, cells[3]); // retention health's default --top is also 3
        }
    }

    [Fact]
    public void WithoutSideFiles_TheReportHasNoHealthPanel()
    {
        string outPath = Path.Combine(_dir, "plain.html");
        CliResult report = CliRunner.Run("report", "--transactions", Cdnow, "--out", outPath);

        Assert.True(report.ExitCode == 0, report.Error);
        string html = File.ReadAllText(outPath);
        XDocument doc = Parse(html);
        Assert.Equal(["headline", "rfm", "cohorts", "predictions", "model"], doc.Descendants("section").Select(s => (string?)s.Attribute("id")));
        Assert.DoesNotContain("Customer health", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BadTicketsFile_IsOneLine_Exit2_NoReportFile()
    {
        string tickets = Path.Combine(_dir, "bad-tickets.csv");
        File.WriteAllText(tickets, "customer_id,opened,severity\n1,1998-01-01,low\n2,1998-01-01,urgent\n");
        string outPath = Path.Combine(_dir, "bad.html");

        CliResult report = CliRunner.Run("report", "--transactions", Cdnow, "--tickets", tickets, "--out", outPath);

        Assert.Equal(2, report.ExitCode);
        Assert.Contains(tickets + ":3: field 'severity': 'urgent' is not a severity", Assert.Single(report.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
        Assert.Equal(string.Empty, report.Output);
    }

    private string SideFile(string option)
    {
        if (option == "--tickets")
        {
            return Tickets;
        }

        // Small synthetic files for the other signals (customers of the CDNOW sample, dates before its last date 1998-06-30).
        string content = option switch
        {
            "--survey" => "customer_id,date,score\n19,1998-01-10,9\n19,1998-06-01,4\n40,1998-05-01,2\n",
            "--contracts" => "customer_id,renewal_date,decision_maker_engaged\n19,1998-07-20,no\n40,1998-08-01,yes\n",
            "--notes" => "customer_id,date,text\n40,1998-06-15,\"We are thinking about cancelling our account\"\n",
            _ => throw new ArgumentOutOfRangeException(nameof(option), option, "not a side-file option"),
        };
        string path = Path.Combine(_dir, option.TrimStart('-') + ".csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static XElement Section(string html, string id) =>
        Parse(html).Descendants("section").Single(s => (string?)s.Attribute("id") == id);

    /// <summary>Parses the page as XML (the writer emits XHTML-compatible markup).</summary>
    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }
}
