using AlphaTrade.Core.Randomness;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// The sample market's own pseudo-random generator: xoshiro256** seeded through SplitMix64, with the few
/// distributions the model needs (uniform, normal, unit-variance Student-t, Bernoulli). Every stream is derived
/// from the run seed and a stream name, so a symbol's draws do not depend on which other symbols exist or on
/// thread scheduling. Not thread-safe: one instance per stream.
/// </summary>
internal sealed class SampleRandom
{
    private readonly Xoshiro256 _core;

    /// <summary>Creates a generator whose whole state is expanded from <paramref name="seed"/>.</summary>
    public SampleRandom(ulong seed)
    {
        _core = new Xoshiro256(seed);
    }

    /// <summary>A generator for the named stream of run seed <paramref name="seed"/>.</summary>
    public static SampleRandom ForStream(int seed, string stream) => new(StreamSeed(seed, stream));

    /// <summary>Mixes the run seed with a stable (FNV-1a) hash of the stream name.</summary>
    public static ulong StreamSeed(int seed, string stream)
    {
        ulong x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ StableHash(stream);
        return Xoshiro256.SplitMix64(ref x);
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
        => _core.NextUInt64();

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _core.NextDouble();

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    public double NextDoubleNonZero() => _core.NextDoubleNonZero();

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer on [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
        => _core.NextInt(maxExclusive);

    /// <summary>Uniform integer on [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) => min + NextInt(maxExclusive - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal draw (Marsaglia's polar method; the second value of each pair is kept).</summary>
    public double Normal()
        => _core.NextGaussian();

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
}
