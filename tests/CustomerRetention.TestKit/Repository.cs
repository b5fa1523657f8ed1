using System.Text.RegularExpressions;
using Xunit;

namespace CustomerRetention.TestKit;

/// <summary>The checkout the tests run from: its root, and the check that docs quote test code verbatim.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>CustomerRetention.sln</c>, found upwards from the test assembly.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="DirectoryNotFoundException">No folder above the test assembly holds the solution.</exception>
    public static string Root()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CustomerRetention.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with CustomerRetention.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Asserts that the code between <c>// begin-snippet: NAME</c> and <c>// end-snippet</c> in a test source file
    /// stands, dedented, as a <c>```csharp</c> block in a docs page, so that the page shows code a test runs.
    /// </summary>
    /// <param name="testSource">The test source file, relative to the repository root.</param>
    /// <param name="snippet">The snippet's name.</param>
    /// <param name="page">The page, relative to the repository root.</param>
    public static void AssertDocQuotesSnippet(string testSource, string snippet, string page)
    {
        string root = Root();
        string source = File.ReadAllText(System.IO.Path.Combine(root, testSource));
        Match m = Regex.Match(source, $@"// begin-snippet: {Regex.Escape(snippet)}\r?\n(?<code>.*?)\r?\n\s*// end-snippet", RegexOptions.Singleline);
        Assert.True(m.Success, $"snippet '{snippet}' not found");
        string code = Dedent(m.Groups["code"].Value);
        string doc = File.ReadAllText(System.IO.Path.Combine(root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains("```csharp\n" + code + "\n```", doc, StringComparison.Ordinal);
    }

    private static string Dedent(string code)
    {
        string[] lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()));
    }
}
