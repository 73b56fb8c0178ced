using AlphaTrade.Core.Market;
using AlphaTrade.Features.Alternative;

namespace AlphaTrade.Features.Engine;

/// <summary>What a per-symbol block may know about the symbol it runs on.</summary>
internal sealed class SymbolEnvironment
{
    public SymbolEnvironment(string symbol, string sector, AltDataSet alt)
    {
        Symbol = symbol;
        Sector = sector;
        Alt = alt;
    }

    public string Symbol { get; }

    public string Sector { get; }

    /// <summary>External series available to alternative-data blocks (empty when none is configured).</summary>
    public AltDataSet Alt { get; }
}

/// <summary>One symbol's bars and their contexts, for a batch computation.</summary>
internal sealed class SymbolBatch
{
    public SymbolBatch(BarSeries bars, BarContext[] contexts, SymbolEnvironment environment)
    {
        Bars = bars;
        Contexts = contexts;
        Environment = environment;
    }

    public BarSeries Bars { get; }

    public BarContext[] Contexts { get; }

    public int Count => Bars.Count;

    public SymbolEnvironment Environment { get; }
}

/// <summary>
/// A group of per-symbol features computed together (they share state). Its streaming form is the definition;
/// the default batch form runs the stream over the bars, so both agree by construction. Blocks built on the
/// indicator library override the batch form with the library's span computation, which the library guarantees
/// to be bit-identical to its streams (and the engine tests prove end to end).
/// </summary>
internal abstract class SymbolBlock
{
    protected SymbolBlock(IReadOnlyList<FeatureInfo> features)
    {
        Features = features;
    }

    public IReadOnlyList<FeatureInfo> Features { get; }

    public abstract SymbolStream CreateStream(SymbolEnvironment environment);

    /// <summary>Writes this block's features into <c>outputs[offset + k][0..Count)</c>.</summary>
    public virtual void ComputeBatch(SymbolBatch batch, double[][] outputs, int offset)
    {
        var stream = CreateStream(batch.Environment);
        int k = Features.Count;
        Span<double> row = k <= 64 ? stackalloc double[k] : new double[k];
        var contexts = batch.Contexts;
        for (int i = 0; i < batch.Count; i++)
        {
            stream.Update(contexts[i], row);
            for (int j = 0; j < k; j++)
            {
                outputs[offset + j][i] = row[j];
            }
        }
    }
}

/// <summary>The streaming state of a <see cref="SymbolBlock"/> for one symbol.</summary>
internal abstract class SymbolStream
{
    /// <summary>Consumes the next bar and writes the block's features at that bar into <paramref name="output"/>.</summary>
    public abstract void Update(in BarContext bar, Span<double> output);
}
