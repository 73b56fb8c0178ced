namespace AlphaTrade.Data.Sample;

/// <summary>
/// The sample market's own pseudo-random generator: xoshiro256** seeded through SplitMix64, with the few
/// distributions the model needs (uniform, normal, unit-variance Student-t, Bernoulli). Every stream is derived
/// from the run seed and a stream name, so a symbol's draws do not depend on which other symbols exist or on
/// thread scheduling. Not thread-safe: one instance per stream.
/// </summary>
internal sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Creates a generator whose whole state is expanded from <paramref name="seed"/>.</summary>
    public SampleRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>A generator for the named stream of run seed <paramref name="seed"/>.</summary>
    public static SampleRandom ForStream(int seed, string stream) => new(StreamSeed(seed, stream));

    /// <summary>Mixes the run seed with a stable (FNV-1a) hash of the stream name.</summary>
    public static ulong StreamSeed(int seed, string stream)
    {
        ulong x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ StableHash(stream);
        return SplitMix64(ref x);
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    public static ulong StableHash(string text)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in text)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }

        return h;
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer on [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);
    }

    /// <summary>Uniform integer on [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) => min + NextInt(maxExclusive - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal draw (Marsaglia's polar method; the second value of each pair is kept).</summary>
    public double Normal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double m = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * m;
        _hasSpare = true;
        return u * m;
    }

    /// <summary>
    /// Student-t draw with <paramref name="degreesOfFreedom"/> (&gt; 2) scaled to unit variance, by Bailey's polar
    /// method: t = u·sqrt(ν(w^(-2/ν) − 1)/w) for (u, v) uniform in the unit disc, w = u² + v².
    /// </summary>
    public double StudentT(double degreesOfFreedom)
    {
        double u, v, w;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            w = (u * u) + (v * v);
        }
        while (w >= 1.0 || w == 0.0);

        double nu = degreesOfFreedom;
        double t = u * Math.Sqrt(nu * (Math.Pow(w, -2.0 / nu) - 1.0) / w);
        return t * Math.Sqrt((nu - 2.0) / nu);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
