using System.Reflection;
using CustomerRetention.Orleans.Client;

namespace CustomerRetention.Orleans.Tests;

public sealed class PublicSurfaceTests
{
    private static readonly Assembly Package = typeof(CustomerBaseClient).Assembly;

    [Fact]
    public void EveryPublicMember_IsDocumented()
    {
        // Orleans' source generator emits public serializers and proxies under OrleansCodeGen: not ours to document.
        string[] undocumented = PublicSurface.UndocumentedMembers(Package).Where(m => !m.Contains(":OrleansCodeGen.", StringComparison.Ordinal)).ToArray();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void PublicTypes_AreImmutableUnlessMarkedMutableByDesign()
    {
        string[] mutable = PublicSurface.MutabilityViolations(Package).Where(m => !m.StartsWith("OrleansCodeGen.", StringComparison.Ordinal)).ToArray();

        Assert.Empty(mutable);
    }
}
