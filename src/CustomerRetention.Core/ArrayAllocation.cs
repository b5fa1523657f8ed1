namespace CustomerRetention;

/// <summary>How Core's table columns get arrays besides <c>new</c>.</summary>
internal static class ArrayAllocation
{
    /// <summary>An array whose elements are not zeroed (net8.0; a zeroed one elsewhere): for arrays written before read.</summary>
    public static T[] Uninitialized<T>(int length)
        where T : unmanaged
    {
#if NET8_0_OR_GREATER
        return GC.AllocateUninitializedArray<T>(length);
#else
        return new T[length];
#endif
    }
}
