using System.Buffers;

namespace CustomerRetention.Csv;

/// <summary>A block of whole lines of the input, the unit of work of the parallel readers; its buffer comes from the shared pool.</summary>
internal abstract class LineBlock
{
    protected LineBlock(int size) => Data = ArrayPool<byte>.Shared.Rent(Math.Max(size, 64));

    public byte[] Data { get; private set; }

    /// <summary>The bytes of the block: whole lines, the last one ending in a line feed.</summary>
    public int Length { get; set; }

    /// <summary>Doubles the byte buffer, keeping its bytes.</summary>
    public void Grow()
    {
        byte[] data = ArrayPool<byte>.Shared.Rent(Data.Length * 2);
        Buffer.BlockCopy(Data, 0, data, 0, Data.Length);
        ArrayPool<byte>.Shared.Return(Data);
        Data = data;
    }

    /// <summary>
    /// Fills <paramref name="block"/> with the carried partial line and then input, up to its last line
    /// feed (growing it when one line does not fit); the bytes after it become the new carry. True at the
    /// end of the input (the carry then holds a last line without a line feed, if any).
    /// </summary>
    public static bool Fill(ByteInput input, LineBlock block, ref byte[] carry, ref int carryLength)
    {
        while (block.Data.Length <= carryLength)
        {
            // The partial line carried from a grown block may not fit a block of the usual size.
            block.Grow();
        }

        byte[] data = block.Data;
        Buffer.BlockCopy(carry, 0, data, 0, carryLength);
        int length = carryLength;
        int scanned = 0;
        bool end = false;
        while (true)
        {
            while (length < data.Length)
            {
                int read = input.ReadRest(data, length, data.Length - length);
                if (read <= 0)
                {
                    end = true;
                    break;
                }

                length += read;
            }

            int last = new ReadOnlySpan<byte>(data, scanned, length - scanned).LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                last += scanned;
                block.Length = last + 1;
                carryLength = length - block.Length;
                if (carryLength > carry.Length)
                {
                    carry = new byte[Math.Max(carryLength, carry.Length * 2)];
                }

                Buffer.BlockCopy(data, block.Length, carry, 0, carryLength);
                return end;
            }

            if (end)
            {
                block.Length = 0;
                if (length > carry.Length)
                {
                    carry = new byte[length];
                }

                Buffer.BlockCopy(data, 0, carry, 0, length);
                carryLength = length;
                return true;
            }

            // One line longer than the block: grow it and read on.
            scanned = length;
            block.Grow();
            data = block.Data;
        }
    }

    /// <summary>Gives the byte buffer back to the pool; the block must not be used afterwards.</summary>
    protected void ReturnData() => ArrayPool<byte>.Shared.Return(Data);
}
