using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.TestKit;

/// <summary>
/// Runs an FsCheck property inside an xunit <c>[Fact]</c>: a failure throws with the shrunk
/// counterexample in the message, so the fact fails and shows it.
/// </summary>
public static class Properties
{
    /// <summary>How many cases a property tries by default.</summary>
    public const int DefaultMaxTest = 200;

    /// <summary>Checks <paramref name="property"/>; throws on the first (shrunk) counterexample.</summary>
    public static void Check(Property property, int maxTest = DefaultMaxTest) =>
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(maxTest));

    /// <summary>Checks a property over one generated value.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Func<T, bool> property, int maxTest = DefaultMaxTest) =>
        Check(Prop.ForAll(arbitrary, property), maxTest);

    /// <summary>Checks a property over one generated value, passing when it does not throw.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Action<T> property, int maxTest = DefaultMaxTest) =>
        Check(Prop.ForAll(arbitrary, property), maxTest);
}
