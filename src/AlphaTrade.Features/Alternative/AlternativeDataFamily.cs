using System.Text.Json.Serialization;
using AlphaTrade.Core;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Alternative;

/// <summary>What to derive from an external series at each bar.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AltTransform>))]
public enum AltTransform
{
    /// <summary>The latest released value.</summary>
    Value,

    /// <summary>Latest value minus the previous release's.</summary>
    Change,

    /// <summary>Latest value's z-score among the last z_window releases.</summary>
    Zscore,

    /// <summary>Days since the latest release.</summary>
    Age,
}

/// <summary>
/// Features from an external, time-stamped dataset (sentiment, economic indicators, options-derived measures...)
/// joined as of each bar's decision time (its end): a value is used only from its release time on, and is dropped
/// (NaN) once older than <paramref name="MaxAgeDays"/> (the forward-fill limit). Per-symbol datasets join on the
/// symbol; market-wide ones (no symbol column) join to every symbol.
/// </summary>
/// <param name="Dataset">Dataset name (used in feature names: <c>alt_{dataset}_{column}</c>).</param>
/// <param name="Source">File path, relative to the repository root.</param>
/// <param name="Format">Reader format (csv, parquet or a registered one); null: the file extension.</param>
/// <param name="Columns">Value columns to use.</param>
/// <param name="MaxAgeDays">Forward-fill limit in days.</param>
/// <param name="Transforms">Features per column.</param>
/// <param name="ZWindow">Releases in the z-score.</param>
public sealed record AlternativeDataSpec(string Dataset, string Source, string? Format, IReadOnlyList<string> Columns, double MaxAgeDays,
    IReadOnlyList<AltTransform> Transforms, int ZWindow = 20) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "alternative";

    internal override void Build(PlanBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(Dataset) || !Dataset.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw builder.Error($"dataset: '{Dataset}' must be lower-case letters, digits and underscores");
        }

        if (Columns.Count == 0 || Transforms.Count == 0)
        {
            throw builder.Error("columns and transforms must each list at least one item");
        }

        SpecChecks.Double(builder, MaxAgeDays, "max_age_days", 1e-6, 100_000);
        SpecChecks.Int(builder, ZWindow, "z_window", 2, 100_000);
        builder.Add(new AlternativeDataBlock(this));
    }
}

internal sealed class AlternativeDataBlock : SymbolBlock
{
    private readonly AlternativeDataSpec _spec;
    private readonly AltTransform[] _transforms;

    public AlternativeDataBlock(AlternativeDataSpec spec)
        : base(spec.Columns.SelectMany(c => spec.Transforms.Distinct().Select(t => new FeatureInfo(
            $"alt_{spec.Dataset}_{c}" + t switch { AltTransform.Change => "_chg", AltTransform.Zscore => "_z" + SpecChecks.Text(spec.ZWindow), AltTransform.Age => "_age", _ => string.Empty },
            "alternative",
            t switch
            {
                AltTransform.Value => $"{spec.Dataset}.{c} as of the bar's end (released at or before it; NaN when older than {spec.MaxAgeDays} days)",
                AltTransform.Change => $"{spec.Dataset}.{c} latest release minus the previous one",
                AltTransform.Zscore => $"{spec.Dataset}.{c} z-score among the last {spec.ZWindow} releases",
                _ => $"days since the latest {spec.Dataset}.{c} release",
            }))).ToArray())
    {
        _spec = spec;
        _transforms = spec.Transforms.Distinct().ToArray();
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this, environment);

    private sealed class Stream : SymbolStream
    {
        private readonly AlternativeDataBlock _b;
        private readonly AltSeries?[] _series;
        private readonly int[] _cursor;
        private readonly RollingMoments[] _z;
        private readonly long _maxAge;

        public Stream(AlternativeDataBlock b, SymbolEnvironment env)
        {
            _b = b;
            _series = b._spec.Columns.Select(c => env.Alt.Find(b._spec.Dataset, c, env.Symbol)).ToArray();
            _cursor = Enumerable.Repeat(-1, _series.Length).ToArray();
            _z = _series.Select(_ => new RollingMoments(b._spec.ZWindow)).ToArray();
            _maxAge = (long)(b._spec.MaxAgeDays * TimeSpan.TicksPerDay);
        }

        public override void Update(in BarContext bar, Span<double> output)
        {
            int k = 0;
            for (int c = 0; c < _series.Length; c++)
            {
                var s = _series[c];
                int i = _cursor[c];
                if (s is not null)
                {
                    while (i + 1 < s.Count && s.ReleaseTicks[i + 1] <= bar.DecisionTime)
                    {
                        i++;
                        _z[c].Push(s.Values[i]);
                    }

                    _cursor[c] = i;
                }

                bool fresh = s is not null && i >= 0 && bar.DecisionTime - s.ReleaseTicks[i] <= _maxAge;
                foreach (var t in _b._transforms)
                {
                    output[k++] = !fresh ? double.NaN : t switch
                    {
                        AltTransform.Value => s!.Values[i],
                        AltTransform.Change => i > 0 ? s!.Values[i] - s.Values[i - 1] : double.NaN,
                        AltTransform.Zscore => _z[c].Count >= _b._spec.ZWindow ? _z[c].ZScore(s!.Values[i]) : double.NaN,
                        _ => (bar.DecisionTime - s!.ReleaseTicks[i]) / (double)TimeSpan.TicksPerDay,
                    };
                }
            }
        }
    }
}

/// <summary>Loads the external datasets a feature set names.</summary>
public static class AltDataLoader
{
    /// <summary>
    /// Reads every source of <paramref name="definition"/>'s alternative-data entries (paths relative to
    /// <paramref name="rootDirectory"/>), through <paramref name="registry"/> (default: csv and parquet).
    /// </summary>
    /// <exception cref="InputException">A source is missing or malformed, or a dataset name is used for two sources.</exception>
    public static AltDataSet Load(FeatureSetDefinition definition, string rootDirectory, AltSourceRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        registry ??= new AltSourceRegistry();
        var loaded = new Dictionary<string, (string Source, AltDataSet Data)>(StringComparer.Ordinal);
        foreach (var spec in definition.Families.OfType<AlternativeDataSpec>())
        {
            string path = Path.IsPathRooted(spec.Source) ? spec.Source : Path.Combine(rootDirectory, spec.Source);
            if (loaded.TryGetValue(spec.Dataset, out var existing))
            {
                if (!string.Equals(existing.Source, path, StringComparison.Ordinal))
                {
                    throw new InputException($"{spec.Origin}: dataset '{spec.Dataset}' is already read from {existing.Source}");
                }

                continue;
            }

            AltDataSet data;
            try
            {
                data = registry.Open(path, spec.Dataset, spec.Format).Load();
            }
            catch (InputException ex) when (spec.Origin.Length > 0)
            {
                throw new InputException($"{spec.Origin}: {ex.Message}", ex);
            }

            var missing = spec.Columns.Where(c => !data.Series.Any(s => s.Column == c)).ToArray();
            if (missing.Length > 0)
            {
                throw new InputException($"{(spec.Origin.Length > 0 ? spec.Origin + ": " : string.Empty)}{path} has no column {string.Join(", ", missing)}; it has: {string.Join(", ", data.Series.Select(s => s.Column).Distinct())}");
            }

            loaded[spec.Dataset] = (path, data);
        }

        return AltDataSet.Combine(loaded.Values.Select(v => v.Data).ToArray());
    }
}
