using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Blocks;

/// <summary>A core that runs one moving-average block over the first series.</summary>
internal struct MaCore(MaBlock ma) : ICore
{
    public readonly void Reset() => ma.Reset();

    public readonly void Update(in Tick t, Span<double> output) => output[0] = ma.Update(t.R0);
}
