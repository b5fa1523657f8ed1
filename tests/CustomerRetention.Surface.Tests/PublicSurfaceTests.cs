using System.Reflection;
using System.Runtime.Versioning;

namespace CustomerRetention.Surface.Tests;

/// <summary>
/// The public-surface contract of every library (docs/contributing.md): null arguments rejected
/// with the right ParamName, immutable public types, documented members. Compiled twice: here
/// against the net8.0 builds, and in CustomerRetention.NetStandard.Tests against netstandard2.0.
/// </summary>
public sealed class PublicSurfaceTests
{
#if NETSTANDARD_BUILD
    private const string ExpectedFramework = ".NETStandard,Version=v2.0";
#else
    private const string ExpectedFramework = ".NETCoreApp,Version=v8.0";
#endif

    public static TheoryData<string> Libraries => new(PublicSurface.LibraryNames);

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Is_The_Expected_Build(string library)
    {
        Assembly assembly = Assembly.Load(library);
        Assert.Equal(ExpectedFramework, assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Null_Arguments_Are_Rejected_With_The_Parameter_Name(string library) =>
        AssertNone(PublicSurface.NullArgumentViolations(Assembly.Load(library)));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_Types_Are_Immutable(string library) =>
        AssertNone(PublicSurface.MutabilityViolations(Assembly.Load(library)));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_Members_Are_Documented(string library) =>
        AssertNone(PublicSurface.UndocumentedMembers(Assembly.Load(library)));

    private static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
}
