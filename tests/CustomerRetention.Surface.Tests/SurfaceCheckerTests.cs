namespace CustomerRetention.Surface.Tests;

/// <summary>
/// The surface checks must be able to fail: each is run on small types in this assembly that
/// break its rule on purpose, and on well-behaved ones.
/// </summary>
public sealed class SurfaceCheckerTests
{
    [Fact]
    public void NullArgumentViolations_Finds_A_Missing_Guard_And_A_Wrong_Name()
    {
        IReadOnlyList<string> violations = PublicSurface.NullArgumentViolations(typeof(SurfaceCheckerTests).Assembly);

        Assert.Contains(violations, v => v.Contains("Unguarded.Accept", StringComparison.Ordinal) && v.Contains("accepted null", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("WrongName.Accept", StringComparison.Ordinal) && v.Contains("names 'other'", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("Guarded.", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("NullableParameter.", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("SpanTaking.", StringComparison.Ordinal));
    }

    [Fact]
    public void MutabilityViolations_Finds_Setters_And_Fields_But_Not_Init()
    {
        IReadOnlyList<string> violations = PublicSurface.MutabilityViolations(typeof(SurfaceCheckerTests).Assembly);

        Assert.Contains(violations, v => v.Contains("Mutable.Value has a public setter", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Mutable.Field is a public mutable field", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("InitOnly", StringComparison.Ordinal));
    }

    [Fact]
    public void UndocumentedMembers_Reports_A_Missing_Documentation_File()
    {
        // Test assemblies generate no XML documentation, so the check must say so rather than pass.
        IReadOnlyList<string> violations = PublicSurface.UndocumentedMembers(typeof(SurfaceCheckerTests).Assembly);

        Assert.Contains(violations, v => v.Contains("no XML documentation file", StringComparison.Ordinal));
    }

    [Fact]
    public void DocId_Follows_The_Compiler_Format()
    {
        Assert.Equal("T:CustomerRetention.Surface.Tests.Guarded", DocId.Of(typeof(Guarded)));
        Assert.Equal(
            "M:CustomerRetention.Surface.Tests.Guarded.Accept(System.String,System.Collections.Generic.IReadOnlyList{System.Double},System.Int32[])",
            DocId.Of(typeof(Guarded).GetMethod(nameof(Guarded.Accept))!));
        Assert.Equal("M:CustomerRetention.Surface.Tests.Guarded.#ctor", DocId.Of(typeof(Guarded).GetConstructors()[0]));
    }
}

public sealed class Guarded
{
    public static void Accept(string text, IReadOnlyList<double> values, int[] counts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(counts);
    }
}

public sealed class NullableParameter
{
    public static int Accept(string? text) => text?.Length ?? 0;
}

public sealed class Unguarded
{
    public static int Accept(string text) => text is null ? 0 : 1;
}

public sealed class WrongName
{
    public static void Accept(string text) => ArgumentNullException.ThrowIfNull(text, "other");
}

public sealed class Mutable
{
#pragma warning disable CA1051 // A deliberately bad type for the checker's own test.
    public int Field;
#pragma warning restore CA1051

    public int Value { get; set; }
}

public sealed class InitOnly
{
    public int Value { get; init; }
}

public sealed class SpanTaking
{
    public static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }
}
