using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Data.Storage;

/// <summary>
/// Incremental 64-bit xxHash (XXH64, seed 0 unless given): a fast non-cryptographic hash for cache keys and data
/// fingerprints. Feeding the same bytes in any split gives the same hash.
/// </summary>
internal sealed class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;
    private const int StripeSize = 32;

    private readonly ulong _seed;
    private readonly byte[] _pending = new byte[StripeSize];
    private ulong _v1;
    private ulong _v2;
    private ulong _v3;
    private ulong _v4;
    private int _pendingCount;
    private ulong _totalLength;

    /// <summary>Creates a hasher with <paramref name="seed"/>.</summary>
    public XxHash64(ulong seed = 0)
    {
        _seed = seed;
        Reset();
    }

    /// <summary>Starts over.</summary>
    public void Reset()
    {
        _v1 = unchecked(_seed + Prime1 + Prime2);
        _v2 = unchecked(_seed + Prime2);
        _v3 = _seed;
        _v4 = unchecked(_seed - Prime1);
        _pendingCount = 0;
        _totalLength = 0;
    }

    /// <summary>Hashes <paramref name="data"/> in one call.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var h = new XxHash64(seed);
        h.Append(data);
        return h.GetCurrentHash();
    }

    /// <summary>Feeds bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += (ulong)data.Length;
        if (_pendingCount > 0)
        {
            int take = Math.Min(StripeSize - _pendingCount, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            data = data[take..];
            if (_pendingCount < StripeSize)
            {
                return;
            }

            ConsumeStripe(_pending);
            _pendingCount = 0;
        }

        while (data.Length >= StripeSize)
        {
            ConsumeStripe(data);
            data = data[StripeSize..];
        }

        data.CopyTo(_pending);
        _pendingCount = data.Length;
    }

    /// <summary>Feeds a 64-bit value (little-endian).</summary>
    public void Append(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        Append(b);
    }

    /// <summary>Feeds a string as length-prefixed UTF-16 code units (little-endian), so "ab"+"c" differs from "a"+"bc".</summary>
    public void Append(string text)
    {
        Append(text.Length);
        Span<byte> b = stackalloc byte[2];
        foreach (char c in text)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, c);
            Append(b);
        }
    }

    /// <summary>The hash of everything fed so far (feeding may continue).</summary>
    public ulong GetCurrentHash()
    {
        ulong h;
        if (_totalLength >= StripeSize)
        {
            h = BitOperations.RotateLeft(_v1, 1) + BitOperations.RotateLeft(_v2, 7)
                + BitOperations.RotateLeft(_v3, 12) + BitOperations.RotateLeft(_v4, 18);
            h = MergeRound(h, _v1);
            h = MergeRound(h, _v2);
            h = MergeRound(h, _v3);
            h = MergeRound(h, _v4);
        }
        else
        {
            h = _seed + Prime5;
        }

        h += _totalLength;
        ReadOnlySpan<byte> rest = _pending.AsSpan(0, _pendingCount);
        while (rest.Length >= 8)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(rest));
            h = (BitOperations.RotateLeft(h, 27) * Prime1) + Prime4;
            rest = rest[8..];
        }

        if (rest.Length >= 4)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(rest) * Prime1;
            h = (BitOperations.RotateLeft(h, 23) * Prime2) + Prime3;
            rest = rest[4..];
        }

        foreach (byte b in rest)
        {
            h ^= b * Prime5;
            h = BitOperations.RotateLeft(h, 11) * Prime1;
        }

        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        h ^= h >> 32;
        return h;
    }

    private void ConsumeStripe(ReadOnlySpan<byte> stripe)
    {
        _v1 = Round(_v1, BinaryPrimitives.ReadUInt64LittleEndian(stripe));
        _v2 = Round(_v2, BinaryPrimitives.ReadUInt64LittleEndian(stripe[8..]));
        _v3 = Round(_v3, BinaryPrimitives.ReadUInt64LittleEndian(stripe[16..]));
        _v4 = Round(_v4, BinaryPrimitives.ReadUInt64LittleEndian(stripe[24..]));
    }

    private static ulong Round(ulong acc, ulong input)
    {
        acc += input * Prime2;
        acc = BitOperations.RotateLeft(acc, 31);
        return acc * Prime1;
    }

    private static ulong MergeRound(ulong acc, ulong value)
    {
        acc ^= Round(0, value);
        return (acc * Prime1) + Prime4;
    }
}
