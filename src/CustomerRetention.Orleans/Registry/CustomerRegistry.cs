namespace CustomerRetention.Orleans.Registry;

/// <summary>
/// Which registry shard lists a customer: a stable hash (FNV-1a over the id's UTF-16 code units,
/// the same in every process, unlike <see cref="string.GetHashCode()"/>) modulo <see cref="ShardCount"/>.
/// </summary>
public static class CustomerRegistry
{
    /// <summary>
    /// The number of registry shards (grains 0 … 63). Fixed: the shard of a registered customer must
    /// not change, so changing it needs a migration of the registrations.
    /// </summary>
    public const int ShardCount = 64;

    /// <summary>The shard that lists <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>0 ≤ shard &lt; <see cref="ShardCount"/>.</returns>
    public static int ShardOf(CustomerId customer)
    {
        uint hash = 2166136261;
        foreach (char c in customer.Value)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % ShardCount);
    }
}
