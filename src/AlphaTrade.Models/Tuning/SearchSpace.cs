using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Models.Tuning;

/// <summary>How a hyper-parameter is distributed.</summary>
public enum DomainKind
{
    /// <summary>Uniform real in [low, high].</summary>
    Uniform,

    /// <summary>Log-uniform real in [low, high] (low &gt; 0).</summary>
    LogUniform,

    /// <summary>Uniform integer in [low, high].</summary>
    Int,
}

/// <summary>One declared hyper-parameter range.</summary>
public sealed record ParameterDomain(string Name, DomainKind Kind, double Low, double High)
{
    /// <summary>The value in the sampler's internal space (log for log-uniform).</summary>
    internal double ToInternal(double v) => Kind == DomainKind.LogUniform ? Math.Log(v) : v;

    /// <summary>A value back from the internal space, clipped and rounded as declared.</summary>
    internal double FromInternal(double x)
    {
        var v = Kind == DomainKind.LogUniform ? Math.Exp(x) : x;
        v = Math.Clamp(v, Low, High);
        return Kind == DomainKind.Int ? Math.Round(v) : v;
    }

    internal double InternalLow => ToInternal(Kind == DomainKind.Int ? Low - 0.4999 : Low);

    internal double InternalHigh => ToInternal(Kind == DomainKind.Int ? High + 0.4999 : High);
}

/// <summary>
/// The declared search space of a study. Text form (CLI, config): <c>name=kind(low,high)</c> joined by ';', kind one of
/// uniform, log, int; e.g. <c>learning_rate=log(0.01,0.3);num_leaves=int(8,128);subsample=uniform(0.5,1)</c>.
/// </summary>
public sealed class SearchSpace
{
    /// <summary>Creates a space from its domains.</summary>
    public SearchSpace(IReadOnlyList<ParameterDomain> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
    }

    /// <summary>The declared parameters.</summary>
    public IReadOnlyList<ParameterDomain> Parameters { get; }

    /// <summary>Parses the text form; bad text is an <see cref="InputException"/> naming the entry.</summary>
    public static SearchSpace Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<ParameterDomain>();
        foreach (var raw in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            var open = raw.IndexOf('(', StringComparison.Ordinal);
            var comma = raw.IndexOf(',', StringComparison.Ordinal);
            if (eq <= 0 || open < eq || comma < open || !raw.EndsWith(')'))
            {
                throw new InputException($"search space entry '{raw}': expected name=uniform|log|int(low,high)");
            }

            var kind = raw[(eq + 1)..open].Trim() switch
            {
                "uniform" => DomainKind.Uniform,
                "log" => DomainKind.LogUniform,
                "int" => DomainKind.Int,
                var k => throw new InputException($"search space entry '{raw}': unknown kind '{k}' (expected uniform, log or int)"),
            };
            if (!double.TryParse(raw[(open + 1)..comma], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                || !double.TryParse(raw[(comma + 1)..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi) || hi < lo
                || (kind == DomainKind.LogUniform && lo <= 0))
            {
                throw new InputException($"search space entry '{raw}': expected numbers low <= high (low > 0 for log)");
            }

            list.Add(new ParameterDomain(raw[..eq].Trim(), kind, lo, hi));
        }

        return new SearchSpace(list);
    }

    /// <summary>The default search space of a model kind.</summary>
    public static SearchSpace Default(string kind) => Parse(kind switch
    {
        "xgboost" => "learning_rate=log(0.01,0.3);max_depth=int(2,8);subsample=uniform(0.5,1);colsample_bytree=uniform(0.5,1);min_child_weight=log(1,50);l2=log(0.1,10)",
        "fastforest" => "num_leaves=int(8,128);min_child_samples=int(5,200);feature_fraction=uniform(0.3,1);subsample=uniform(0.3,1)",
        _ => "learning_rate=log(0.01,0.3);num_leaves=int(8,128);min_child_samples=int(5,200);feature_fraction=uniform(0.5,1);subsample=uniform(0.5,1)",
    });

    /// <summary>The text form.</summary>
    public override string ToString() => string.Join(';', Parameters.Select(p => string.Create(CultureInfo.InvariantCulture,
        $"{p.Name}={(p.Kind == DomainKind.LogUniform ? "log" : p.Kind == DomainKind.Int ? "int" : "uniform")}({p.Low},{p.High})")));

    /// <summary>A uniformly random point.</summary>
    internal Dictionary<string, double> SampleUniform(Random rng)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            d[p.Name] = p.FromInternal(p.InternalLow + (rng.NextDouble() * (p.InternalHigh - p.InternalLow)));
        }

        return d;
    }
}
