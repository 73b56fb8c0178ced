using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Features;
using AlphaTrade.Features.Storage;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Features;

namespace AlphaTrade.Cli.Training;

/// <summary>
/// The feature pipeline (AlphaTrade.Features, a set from config/features) as the training matrix of AlphaTrade.Models.
/// It lives in the command line because Features and Models are sibling layers that must not reference each other.
/// Features are the set's columns in the set's order, so a model's feature-set hash is that of the pipeline's feature
/// list and <c>ModelRegistry.Load</c> refuses a model built on any other set. Rows start per symbol where no more than
/// <see cref="MaxWarmupNanShare"/> of the features are still warming up (trees take the remaining NaN as missing);
/// rows without a complete label are dropped. Labels: direction and return over H bars from the closes, the
/// triple barrier from the set's <c>y_tb{H}_label</c> with its end time <c>y_tb{H}_end</c>.
/// </summary>
internal sealed class PipelineFeatureSource : IFeatureMatrixSource
{
    /// <summary>Share of NaN features above which a symbol's leading rows count as warm-up and are skipped.</summary>
    public const double MaxWarmupNanShare = 0.05;

    private readonly FeaturePlan _plan;
    private readonly IReadOnlyDictionary<string, string> _sectors;
    private readonly BarSeries? _benchmark;
    private readonly FeatureCache? _cache;

    public PipelineFeatureSource(FeaturePlan plan, IReadOnlyDictionary<string, string> sectors, BarSeries? benchmark, FeatureCache? cache)
    {
        _plan = plan;
        _sectors = sectors;
        _benchmark = benchmark;
        _cache = cache;
        FeatureNames = plan.Features.Select(f => f.Name).ToArray();
    }

    /// <inheritdoc />
    public string Name => _plan.Definition.Name;

    /// <summary>The set's definition hash (keys the feature cache; recorded with the model).</summary>
    public string SetHash => _plan.Definition.Hash;

    /// <inheritdoc />
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Whether the last build came from the feature cache.</summary>
    public bool CacheHit { get; private set; }

    /// <inheritdoc />
    public Dataset Build(IReadOnlyList<BarSeries> series, LabelSpec label)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(label);
        var universe = new FeatureUniverse(series, _sectors, _benchmark);
        var builder = new FeatureBuilder(_plan, NyseCalendar.Instance);
        var options = new FeatureBuildOptions { Precision = FeaturePrecision.Float32 };
        bool hit = false;
        var matrix = _cache is null ? builder.Build(universe, options) : _cache.GetOrBuild(_plan, universe, builder, options, out hit);
        CacheHit = hit;
        return ToDataset(matrix, series, label);
    }

    /// <summary>The rows of <paramref name="matrix"/> labelled by <paramref name="label"/>, in time order (ties by symbol order).</summary>
    public Dataset ToDataset(FeatureMatrix matrix, IReadOnlyList<BarSeries> series, LabelSpec label)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int f = FeatureNames.Count;
        int h = label.Horizon;
        int tbLabel = -1, tbRet = -1;
        string? tbEnd = null;
        if (label.Kind == LabelKind.TripleBarrier)
        {
            string stem = "y_tb" + h.ToString(CultureInfo.InvariantCulture);
            tbLabel = matrix.ColumnIndex(stem + "_label");
            tbRet = matrix.ColumnIndex(stem + "_ret");
            tbEnd = stem + "_end";
            if (tbLabel < 0 || tbRet < 0)
            {
                var have = matrix.Labels.Where(l => l.Kind == "triple_barrier" && l.Name.EndsWith("_label", StringComparison.Ordinal)).Select(l => l.Name).ToArray();
                throw new InputException($"--label {label}: feature set {Name} has no triple-barrier label with horizon {h} (it has {(have.Length == 0 ? "none" : string.Join(", ", have))}); add one to config/features/{Name}.yaml");
            }
        }

        var rows = new List<(long Time, int Symbol, int Frame, int Row, double Label, double Forward, long End)>();
        var bySymbol = series.Select((s, i) => (s, i)).ToDictionary(p => p.s.Symbol, p => p.i, StringComparer.Ordinal);
        for (int fi = 0; fi < matrix.Frames.Count; fi++)
        {
            var frame = matrix.Frames[fi];
            if (!bySymbol.TryGetValue(frame.Symbol, out int s))
            {
                continue;
            }

            var close = series[s].Close;
            var time = frame.Time;
            long[]? ends = tbEnd is not null && frame.LabelEnds.TryGetValue(tbEnd, out var e) ? e : null;
            int first = FirstWarmRow(frame, f);
            for (int i = first; i < frame.Rows; i++)
            {
                double y, fwd;
                long end;
                if (label.Kind == LabelKind.TripleBarrier)
                {
                    double tb = frame[tbLabel, i];
                    if (double.IsNaN(tb) || ends is null || ends[i] <= 0)
                    {
                        continue;
                    }

                    y = tb > 0 ? 1 : 0;
                    fwd = frame[tbRet, i];
                    end = ends[i];
                }
                else
                {
                    if (i + h >= close.Length)
                    {
                        break;
                    }

                    fwd = Math.Log(close[i + h] / close[i]);
                    y = label.Kind == LabelKind.Direction ? (fwd > 0 ? 1 : 0) : fwd;
                    end = time[i + h];
                }

                if (!double.IsFinite(y) || !double.IsFinite(fwd))
                {
                    continue;
                }

                rows.Add((time[i], s, fi, i, y, fwd, end));
            }
        }

        rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Symbol.CompareTo(b.Symbol));
        var values = new float[(long)rows.Count * f];
        for (int c = 0; c < f; c++)
        {
            for (int r = 0; r < rows.Count; r++)
            {
                values[((long)r * f) + c] = (float)matrix.Frames[rows[r].Frame][c, rows[r].Row];
            }
        }

        return new Dataset(values, f, rows.Select(r => r.Label).ToArray(), rows.Select(r => r.Time).ToArray(), rows.Select(r => r.End).ToArray(),
            rows.Select(r => series[r.Symbol].Symbol).ToArray(), FeatureNames)
        {
            ForwardReturns = rows.Select(r => r.Forward).ToArray(),
        };
    }

    /// <summary>
    /// <paramref name="data"/> with missing feature values set to 0 (the features are returns, z-scores, distances and
    /// centred oscillators, for which 0 is the neutral value): ML.NET's FastTree family drops every row with a NaN.
    /// Returns the count of values filled.
    /// </summary>
    public static (Dataset Data, long Filled) FillMissing(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = (float[])data.Values.Clone();
        long filled = 0;
        for (long i = 0; i < values.LongLength; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                values[i] = 0f;
                filled++;
            }
        }

        return (new Dataset(values, data.FeatureCount, data.Labels, data.Timestamps, data.LabelEndTimes, data.Symbols, data.FeatureNames)
        {
            ForwardReturns = data.ForwardReturns,
        }, filled);
    }

    // The first row whose share of NaN features is at most MaxWarmupNanShare (the frame's length when none is).
    private static int FirstWarmRow(FeatureFrame frame, int features)
    {
        int limit = (int)Math.Floor(features * MaxWarmupNanShare);
        for (int i = 0; i < frame.Rows; i++)
        {
            int nan = 0;
            for (int c = 0; c < features && nan <= limit; c++)
            {
                if (double.IsNaN(frame[c, i]))
                {
                    nan++;
                }
            }

            if (nan <= limit)
            {
                return i;
            }
        }

        return frame.Rows;
    }
}
