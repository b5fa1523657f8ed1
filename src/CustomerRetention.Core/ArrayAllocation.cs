using System.Buffers;

namespace CustomerRetention;

/// <summary>The two ways Core's hot paths get arrays besides <c>new</c>.</summary>
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

    /// <summary>
    /// A cleared array of exactly <paramref name="size"/> elements from the shared pool (a new one when the pool's is
    /// longer): hash tables whose size must be a power of two. Give it back with <see cref="ArrayPool{T}.Return"/>.
    /// </summary>
    public static T[] RentCleared<T>(int size)
    {
        T[] array = ArrayPool<T>.Shared.Rent(size);
        if (array.Length != size)
        {
            ArrayPool<T>.Shared.Return(array);
            array = new T[size];
        }

        Array.Clear(array, 0, size);
        return array;
    }
}
