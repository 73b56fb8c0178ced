using System.Globalization;
using System.Text.Json.Serialization;
using AlphaTrade.Core.Market;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Indicators;

namespace AlphaTrade.Features.Technical;

/// <summary>How an indicator's raw output is made comparable across symbols and price levels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorTransform>))]
public enum IndicatorTransform
{
    /// <summary>The raw value (already scale-free: ratios, correlations, pattern codes...).</summary>
    None,

    /// <summary>(x − 50) / 50: a 0..100 oscillator mapped to −1..1.</summary>
    Center50,

    /// <summary>x / 100.</summary>
    Percent,

    /// <summary>(close − x) / ATR: distance of the close from a price-level output, in ATRs.</summary>
    DistanceAtr,

    /// <summary>x / ATR: a price-difference output in ATRs.</summary>
    PerAtr,

    /// <summary>x / close: a price-unit output as a fraction of the price.</summary>
    PerPrice,

    /// <summary>ln(x) (NaN when x ≤ 0).</summary>
    Log,
}

/// <summary>Values of one indicator parameter; several values expand to several features.</summary>
/// <param name="Name">Parameter name as the indicator library names it (e.g. <c>period</c>).</param>
/// <param name="Values">Values to compute.</param>
public sealed record IndicatorParameterValues(string Name, IReadOnlyList<double> Values);

/// <summary>
/// Any indicator of the library (<see cref="IndicatorRegistry"/>) at one or several parameter values, with a
/// normalising transform. The feature name is the library's column name plus a transform suffix
/// (<c>_dist_atr</c>, <c>_atr</c>, <c>_rel</c>, <c>_log</c>).
/// </summary>
/// <param name="Name">Indicator name (e.g. <c>rsi</c>, <c>sma</c>, <c>macd</c>).</param>
/// <param name="Parameters">Parameter values; unnamed parameters keep their defaults; lists expand as a cartesian product.</param>
/// <param name="Outputs">Outputs to keep (empty: all).</param>
/// <param name="Transform">Normalisation.</param>
public sealed record IndicatorSpec(string Name, IReadOnlyList<IndicatorParameterValues> Parameters, IReadOnlyList<string> Outputs,
    IndicatorTransform Transform = IndicatorTransform.None) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "indicator";

    internal override void Build(PlanBuilder builder)
    {
        var def = IndicatorRegistry.Find(Name)
            ?? throw builder.Error($"name: unknown indicator '{Name}'; see docs/indicators.md for the {IndicatorRegistry.All.Count} names");
        var info = def.Info;
        foreach (var p in Parameters)
        {
            if (!info.Parameters.Any(x => string.Equals(x.Name, p.Name, StringComparison.Ordinal)))
            {
                throw builder.Error($"params: {info.Name} has no parameter '{p.Name}' (it has: {string.Join(", ", info.Parameters.Select(x => x.Name).DefaultIfEmpty("none"))})");
            }

            if (p.Values.Count == 0)
            {
                throw builder.Error($"params.{p.Name}: expected at least one value");
            }
        }

        var outputs = Outputs.Count == 0 ? Enumerable.Range(0, info.Outputs.Count).ToArray()
            : Outputs.Select(o =>
            {
                int i = IndexOf(info.Outputs, o);
                return i >= 0 ? i : throw builder.Error($"outputs: {info.Name} has no output '{o}' (it has: {string.Join(", ", info.Outputs)})");
            }).ToArray();
        if (info.Inputs.HasFlag(PriceInputs.Extra) || info.Series.Any(s => s.Default == PriceField.Extra))
        {
            throw builder.Error($"name: {info.Name} needs an extra input series, which feature sets cannot supply");
        }

        foreach (var vector in Expand(def))
        {
            try
            {
                def.Validate(vector);
            }
            catch (ArgumentException ex)
            {
                throw builder.Error("params: " + ex.Message);
            }

            builder.Add(new IndicatorBlock(def, vector, outputs, Transform));
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private IEnumerable<double[]> Expand(IndicatorDefinition def)
    {
        var specs = def.Info.Parameters;
        var choices = specs.Select(s => Parameters.FirstOrDefault(p => p.Name == s.Name)?.Values ?? [s.Default]).ToArray();
        var idx = new int[specs.Count];
        while (true)
        {
            yield return idx.Select((k, i) => choices[i][k]).ToArray();
            int d = specs.Count - 1;
            while (d >= 0 && ++idx[d] == choices[d].Count)
            {
                idx[d] = 0;
                d--;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }
}

/// <summary>One indicator at one parameter vector, some of its outputs, one transform.</summary>
internal sealed class IndicatorBlock : SymbolBlock
{
    private readonly IndicatorDefinition _def;
    private readonly double[] _parameters;
    private readonly int[] _outputs;
    private readonly IndicatorTransform _transform;

    public IndicatorBlock(IndicatorDefinition def, double[] parameters, int[] outputs, IndicatorTransform transform)
        : base(outputs.Select(o => new FeatureInfo(
            IndicatorColumns.Name(def.Info, parameters, o) + Suffix(transform),
            "indicator",
            Describe(def.Info, parameters, o, transform))).ToArray())
    {
        _def = def;
        _parameters = parameters;
        _outputs = outputs;
        _transform = transform;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this);

    public override void ComputeBatch(SymbolBatch batch, double[][] outputs, int offset)
    {
        int n = batch.Count;
        var raw = new double[_def.Info.Outputs.Count][];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = new double[n];
        }

        _def.Compute(new OhlcvInput(batch.Bars), _parameters, raw);
        var ctx = batch.Contexts;
        for (int k = 0; k < _outputs.Length; k++)
        {
            var src = raw[_outputs[k]];
            var dst = outputs[offset + k];
            for (int i = 0; i < n; i++)
            {
                dst[i] = Apply(_transform, src[i], ctx[i]);
            }
        }
    }

    internal static double Apply(IndicatorTransform t, double x, in BarContext c) => t switch
    {
        IndicatorTransform.None => x,
        IndicatorTransform.Center50 => (x - 50.0) / 50.0,
        IndicatorTransform.Percent => x / 100.0,
        IndicatorTransform.DistanceAtr => c.Atr > 0 ? (c.Close - x) / c.Atr : double.NaN,
        IndicatorTransform.PerAtr => c.Atr > 0 ? x / c.Atr : double.NaN,
        IndicatorTransform.PerPrice => c.Close > 0 ? x / c.Close : double.NaN,
        IndicatorTransform.Log => x > 0 ? Math.Log(x) : double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    private static string Suffix(IndicatorTransform t) => t switch
    {
        IndicatorTransform.DistanceAtr => "_dist_atr",
        IndicatorTransform.PerAtr => "_atr",
        IndicatorTransform.PerPrice => "_rel",
        IndicatorTransform.Log => "_log",
        _ => string.Empty,
    };

    private static string Describe(IndicatorInfo info, double[] p, int output, IndicatorTransform t)
    {
        string what = info.Description + (info.Outputs.Count > 1 ? " (" + info.Outputs[output] + ")" : string.Empty)
            + (p.Length > 0 ? "; " + string.Join(", ", info.Parameters.Select((s, i) => s.Name + " " + p[i].ToString(CultureInfo.InvariantCulture))) : string.Empty);
        return t switch
        {
            IndicatorTransform.Center50 => "(" + what + " − 50)/50",
            IndicatorTransform.Percent => what + " / 100",
            IndicatorTransform.DistanceAtr => "(close − " + what + ") / ATR",
            IndicatorTransform.PerAtr => what + " / ATR",
            IndicatorTransform.PerPrice => what + " / close",
            IndicatorTransform.Log => "ln " + what,
            _ => what,
        };
    }

    private sealed class Stream(IndicatorBlock block) : SymbolStream
    {
        private readonly IIndicatorStream _stream = block._def.CreateStream(block._parameters);

        public override void Update(in BarContext bar, Span<double> output)
        {
            _stream.Update(new Bar(bar.Time, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
            for (int k = 0; k < block._outputs.Length; k++)
            {
                output[k] = Apply(block._transform, _stream[block._outputs[k]], bar);
            }
        }
    }
}
