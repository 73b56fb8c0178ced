using System.Text;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// Writes a strategy's state as named, typed records in a compact binary form (doubles bit-exact, NaN included).
/// What is written is read back in the same order by <see cref="StateReader"/>; names are checked on reading.
/// </summary>
public sealed class StateWriter
{
    private readonly BinaryWriter _w;

    internal StateWriter(Stream stream) => _w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);

    /// <summary>A number.</summary>
    public void Real(string name, double value)
    {
        Name(name, 'd');
        _w.Write(value);
    }

    /// <summary>A whole number.</summary>
    public void Long(string name, long value)
    {
        Name(name, 'l');
        _w.Write(value);
    }

    /// <summary>A string.</summary>
    public void Text(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Name(name, 's');
        _w.Write(value);
    }

    /// <summary>Numbers.</summary>
    public void Doubles(string name, ReadOnlySpan<double> values)
    {
        Name(name, 'D');
        _w.Write(values.Length);
        foreach (double v in values)
        {
            _w.Write(v);
        }
    }

    /// <summary>Whole numbers.</summary>
    public void Longs(string name, ReadOnlySpan<long> values)
    {
        Name(name, 'L');
        _w.Write(values.Length);
        foreach (long v in values)
        {
            _w.Write(v);
        }
    }

    /// <summary>Whole numbers.</summary>
    public void Ints(string name, ReadOnlySpan<int> values)
    {
        Name(name, 'I');
        _w.Write(values.Length);
        foreach (int v in values)
        {
            _w.Write(v);
        }
    }

    /// <summary>Flags.</summary>
    public void Bools(string name, ReadOnlySpan<bool> values)
    {
        Name(name, 'B');
        _w.Write(values.Length);
        foreach (bool v in values)
        {
            _w.Write(v);
        }
    }

    /// <summary>The private fields of an object graph from the indicator or statistics libraries (streams, filters).</summary>
    internal void Object(string name, object value)
    {
        Name(name, 'O');
        ObjectStateCodec.Write(_w, value);
    }

    internal void Flush() => _w.Flush();

    private void Name(string name, char kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _w.Write(name);
        _w.Write(kind);
    }
}

/// <summary>Reads what a <see cref="StateWriter"/> wrote, in the same order; a name or size mismatch is an error.</summary>
public sealed class StateReader
{
    private readonly BinaryReader _r;

    internal StateReader(Stream stream) => _r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);

    /// <summary>A number.</summary>
    public double Real(string name)
    {
        Expect(name, 'd');
        return _r.ReadDouble();
    }

    /// <summary>A whole number.</summary>
    public long Long(string name)
    {
        Expect(name, 'l');
        return _r.ReadInt64();
    }

    /// <summary>A string.</summary>
    public string Text(string name)
    {
        Expect(name, 's');
        return _r.ReadString();
    }

    /// <summary>Numbers into <paramref name="destination"/> (same length as written).</summary>
    public void Doubles(string name, Span<double> destination)
    {
        Expect(name, 'D');
        ExpectLength(name, destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _r.ReadDouble();
        }
    }

    /// <summary>Numbers of any length.</summary>
    public double[] Doubles(string name)
    {
        Expect(name, 'D');
        var a = new double[_r.ReadInt32()];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = _r.ReadDouble();
        }

        return a;
    }

    /// <summary>Whole numbers into <paramref name="destination"/>.</summary>
    public void Longs(string name, Span<long> destination)
    {
        Expect(name, 'L');
        ExpectLength(name, destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _r.ReadInt64();
        }
    }

    /// <summary>Whole numbers of any length.</summary>
    public long[] Longs(string name)
    {
        Expect(name, 'L');
        var a = new long[_r.ReadInt32()];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = _r.ReadInt64();
        }

        return a;
    }

    /// <summary>Whole numbers into <paramref name="destination"/>.</summary>
    public void Ints(string name, Span<int> destination)
    {
        Expect(name, 'I');
        ExpectLength(name, destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _r.ReadInt32();
        }
    }

    /// <summary>Whole numbers of any length.</summary>
    public int[] Ints(string name)
    {
        Expect(name, 'I');
        var a = new int[_r.ReadInt32()];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = _r.ReadInt32();
        }

        return a;
    }

    /// <summary>Flags into <paramref name="destination"/>.</summary>
    public void Bools(string name, Span<bool> destination)
    {
        Expect(name, 'B');
        ExpectLength(name, destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _r.ReadBoolean();
        }
    }

    internal void Object(string name, object target)
    {
        Expect(name, 'O');
        ObjectStateCodec.Read(_r, target);
    }

    private void Expect(string name, char kind)
    {
        string got = _r.ReadString();
        char k = _r.ReadChar();
        if (!string.Equals(got, name, StringComparison.Ordinal) || k != kind)
        {
            throw new InvalidDataException($"Strategy state: expected '{name}' ({kind}) but found '{got}' ({k}); the state was written by another version or strategy.");
        }
    }

    private void ExpectLength(string name, int length)
    {
        int n = _r.ReadInt32();
        if (n != length)
        {
            throw new InvalidDataException($"Strategy state: '{name}' holds {n} values, expected {length}.");
        }
    }
}

/// <summary>Saves and restores a bounded <see cref="MarketHistory"/>.</summary>
internal static class HistoryState
{
    public static void Save(StateWriter w, IMarketView h)
    {
        int n = h.Symbols.Count;
        for (int id = 0; id < n; id++)
        {
            w.Longs("h.t", h.Time(id));
            w.Doubles("h.o", h.Open(id));
            w.Doubles("h.h", h.High(id));
            w.Doubles("h.l", h.Low(id));
            w.Doubles("h.c", h.Close(id));
            w.Doubles("h.v", h.Volume(id));
        }
    }

    public static void Load(StateReader r, MarketHistory h)
    {
        int n = h.Symbols.Count;
        for (int id = 0; id < n; id++)
        {
            if (h.Length(id) != 0)
            {
                throw new InvalidOperationException("State is restored into a fresh history only.");
            }

            var t = r.Longs("h.t");
            var o = r.Doubles("h.o");
            var hi = r.Doubles("h.h");
            var lo = r.Doubles("h.l");
            var c = r.Doubles("h.c");
            var v = r.Doubles("h.v");
            for (int i = 0; i < t.Length; i++)
            {
                h.Append(id, t[i], o[i], hi[i], lo[i], c[i], v[i]);
            }
        }
    }
}
