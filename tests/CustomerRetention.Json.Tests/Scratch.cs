using System.Text.Json;
using CustomerRetention.Json;

namespace CustomerRetention.Json.Tests;

public sealed class Scratch
{
    [Fact]
    public void Classify()
    {
        var asms = new[] { typeof(Probability).Assembly, typeof(CustomerRetention.Rfm.RfmScore).Assembly, typeof(CustomerRetention.Churn.ChurnRate).Assembly, typeof(CustomerRetention.Satisfaction.NpsResult).Assembly, typeof(CustomerRetention.Relationships.TierScheme).Assembly };
        var lines = new List<string>();
        foreach (var a in asms)
        foreach (var t in a.GetExportedTypes())
        {
            if (t.IsAbstract && t.IsSealed) continue;
            if (t.IsEnum) continue;
            if (!RetentionJson.Options.TryGetTypeInfo(t, out var ti)) { continue; }
            try { JsonSerializer.Deserialize("{}", ti); lines.Add($"EMPTYOK {t}"); }
            catch (JsonException) { }
            catch (Exception e) { lines.Add($"{e.GetType().Name} {t} {e.Message.Substring(0, Math.Min(80, e.Message.Length))}"); }
        }
        File.WriteAllLines("/tmp/i18scan/classify.txt", lines);
    }
}
