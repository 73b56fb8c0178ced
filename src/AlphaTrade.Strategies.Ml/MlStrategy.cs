using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Features;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Strategies.Ml;

/// <summary>
/// The ML strategy (type <c>ml</c>): a registered model (<c>model: direction_lgbm@production</c>, or name:version) reads
/// the features the pipeline's <see cref="LiveFeatureEngine"/> computes incrementally from the bars the framework hands
/// it: the same code in backtests, paper and live, and a bar's features use only bars up to it (the engine's tests
/// prove they equal the batch matrix). Every <c>rebalance_bars</c> base bars, after <c>warmup_bars</c>, the model
/// predicts all symbols at once and <see cref="MlSignalRules"/> turns the predictions into target weights
/// (probability bands or return thresholds, top/bottom-k, equal or confidence sizing). With <c>regime_feature</c> set,
/// the strategy holds nothing while that feature's value (an HMM regime, rounded) is outside <c>regimes</c>. Orders go
/// out at the bar's close and fill at the next bar. The feature engine's state is rebuilt by replaying history, so a
/// resumed strategy needs the warm-up bars again (no saved state).
/// </summary>
public sealed class MlStrategy : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "ml";

    private readonly IMlModelSource _source;
    private MlModelBinding? _binding;
    private LiveFeatureEngine? _engine;
    private MlSignalRules _rules = new();
    private int[] _ids = [];
    private int _benchmarkId = -1;
    private Bar?[] _bars = [];
    private bool[] _seen = [];
    private float[] _matrix = [];
    private double[] _predictions = [];
    private double[] _weights = [];
    private int _regimeColumn = -1;
    private HashSet<int>? _regimes;
    private int _warmup, _rebalance;
    private long _steps;
    private long _lastTime = long.MinValue;

    /// <summary>Creates the strategy; the model comes from <paramref name="source"/> at initialisation.</summary>
    public MlStrategy(IMlModelSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Text("model", "direction_lgbm@production", "Registered model: name (latest), name:version or name@stage"),
        StrategyParameter.Text("feature_set", "default", "Feature set (config/features/NAME.yaml) the model was trained on"),
        StrategyParameter.Real("long_threshold", 0.55, -1e9, 1e9, "Long at or above this prediction (probability for classifiers, return for regressors)"),
        StrategyParameter.Real("short_threshold", 0.45, -1e9, 1e9, "Short at or below this prediction, when allow_short"),
        StrategyParameter.Flag("allow_short", false, "Take short positions"),
        StrategyParameter.Int("top_k", 0, 0, 10_000, "Longs kept, highest predictions first (0 = every one over the threshold)"),
        StrategyParameter.Int("bottom_k", 0, 0, 10_000, "Shorts kept, lowest predictions first (0 = every one under the threshold)"),
        StrategyParameter.Choice("sizing", "confidence", ["confidence", "equal"], "Weights proportional to confidence (|2p-1| or |return|), or equal"),
        StrategyParameter.Real("gross", 1.0, 0.01, 4.0, "Sum of |weight| when anything is held"),
        StrategyParameter.Text("regime_feature", "none", "Feature column holding the regime (e.g. an HMM regime feature); none = no gating"),
        StrategyParameter.Text("regimes", "all", "Regimes to trade in, comma-separated whole numbers (all = every regime)"),
        StrategyParameter.Text("benchmark", "SPY", "Symbol fed to the pipeline as the benchmark (not traded) when in the universe; none = no benchmark"),
        StrategyParameter.Int("warmup_bars", 26, 0, 100_000, "Base bars before the first prediction"),
        StrategyParameter.Int("rebalance_bars", 1, 1, 100_000, "Base bars between predictions"),
        .. PipelineParameters.Create("signal", 0.25, 4.0),
    ];

    /// <summary>The model, registry entry and plan in use (after initialisation).</summary>
    public MlModelBinding? Binding => _binding;

    /// <summary>Symbol ids the strategy predicts and trades, in feature-engine order.</summary>
    public IReadOnlyList<int> SymbolIds => _ids;

    /// <summary>When true, every prediction is kept in <see cref="Predictions"/> (tests, diagnostics).</summary>
    public bool RecordPredictions { get; set; }

    /// <summary>Every prediction made while <see cref="RecordPredictions"/> is set, for symbols with a bar at that step.</summary>
    public IList<MlPrediction> Predictions { get; } = [];

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        PipelineParameters.Apply(setup);
        _binding = _source.Open(p.Text("model"), p.Text("feature_set"));
        var plan = _binding.Plan;
        _rules = new MlSignalRules
        {
            Task = _binding.Model.Task,
            LongThreshold = p.Real("long_threshold"),
            ShortThreshold = p.Real("short_threshold"),
            AllowShort = p.Flag("allow_short"),
            TopK = p.Int("top_k"),
            BottomK = p.Int("bottom_k"),
            Sizing = p.Choice("sizing") == "equal" ? MlSizing.Equal : MlSizing.Confidence,
            Gross = p.Real("gross"),
        };
        _warmup = p.Int("warmup_bars");
        _rebalance = p.Int("rebalance_bars");

        var universe = setup.Universe;
        string bench = p.Text("benchmark");
        _benchmarkId = -1;
        var ids = new List<int>();
        foreach (int id in universe.Ids)
        {
            if (string.Equals(universe.Symbol(id), bench, StringComparison.Ordinal))
            {
                _benchmarkId = id;
            }
            else
            {
                ids.Add(id);
            }
        }

        _ids = [.. ids];
        _engine = new LiveFeatureEngine(plan, setup.Calendar, setup.BaseTimeFrame, [.. _ids.Select(universe.Symbol)], [.. _ids.Select(universe.Sector)]);
        _bars = new Bar?[_ids.Length];
        _seen = new bool[_ids.Length];
        _matrix = new float[_ids.Length * plan.Features.Count];
        _predictions = new double[_ids.Length];
        _weights = new double[_ids.Length];
        setup.KeepBaseHistory(2);

        string regime = p.Text("regime_feature");
        _regimeColumn = -1;
        _regimes = null;
        if (!string.Equals(regime, "none", StringComparison.Ordinal))
        {
            _regimeColumn = plan.Features.Select(f => f.Name).ToList().IndexOf(regime);
            if (_regimeColumn < 0)
            {
                throw new InputException($"strategy {setup.Name}: regime_feature '{regime}' is not a feature of set '{plan.Definition.Name}'");
            }

            string list = p.Text("regimes");
            if (!string.Equals(list, "all", StringComparison.Ordinal))
            {
                _regimes = [];
                foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int r))
                    {
                        throw new InputException($"strategy {setup.Name}: regimes '{list}': expected all or comma-separated whole numbers");
                    }

                    _regimes.Add(r);
                }
            }
        }
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = _engine ?? throw new InvalidOperationException("The ML strategy has not been initialised.");
        var view = context.Market.Base;
        long time = long.MinValue;
        bool any = false;
        for (int s = 0; s < _ids.Length; s++)
        {
            int id = _ids[s];
            if (!context.HasBar(id))
            {
                _bars[s] = null;
                continue;
            }

            _bars[s] = LastBar(view, id);
            _seen[s] = true;
            time = _bars[s]!.Value.TimeUtcTicks;
            any = true;
        }

        Bar? benchmark = _benchmarkId >= 0 && context.HasBar(_benchmarkId) ? LastBar(view, _benchmarkId) : null;
        if (!any && benchmark is null)
        {
            return;
        }

        time = any ? time : benchmark!.Value.TimeUtcTicks;
        if (time <= _lastTime)
        {
            return;
        }

        _lastTime = time;
        engine.Update(time, _bars, benchmark);
        _steps++;
        if (_steps <= _warmup || (_steps - _warmup - 1) % _rebalance != 0)
        {
            return;
        }

        Decide(context, engine, time);
    }

    private void Decide(TradingContext context, LiveFeatureEngine engine, long time)
    {
        int f = _binding!.Plan.Features.Count;
        bool trade = true;
        if (_regimeColumn >= 0 && _regimes is not null)
        {
            // The market regime is one value for the universe: read it from the first symbol that has one.
            double regime = double.NaN;
            for (int s = 0; s < _ids.Length && double.IsNaN(regime); s++)
            {
                regime = engine.Row(s)[_regimeColumn];
            }

            trade = !double.IsNaN(regime) && _regimes.Contains((int)Math.Round(regime));
        }

        if (trade)
        {
            for (int s = 0; s < _ids.Length; s++)
            {
                var row = engine.Row(s);
                var dst = _matrix.AsSpan(s * f, f);
                for (int c = 0; c < f; c++)
                {
                    dst[c] = (float)row[c];
                }
            }

            var predicted = _binding.Model.Predict(_matrix, _ids.Length);
            for (int s = 0; s < _ids.Length; s++)
            {
                // A symbol that never printed a bar has no features: no prediction, flat.
                _predictions[s] = _seen[s] ? predicted[s] : double.NaN;
            }

            _rules.Weights(_predictions, _weights);
            if (RecordPredictions)
            {
                for (int s = 0; s < _ids.Length; s++)
                {
                    if (engine.HasBar(s))
                    {
                        Predictions.Add(new MlPrediction(time, _ids[s], _predictions[s], _weights[s], _matrix.AsSpan(s * f, f).ToArray()));
                    }
                }
            }
        }
        else
        {
            Array.Clear(_weights);
        }

        for (int s = 0; s < _ids.Length; s++)
        {
            context.SetTargetWeight(_ids[s], _weights[s]);
        }
    }

    private static Bar LastBar(AlphaTrade.Engine.Strategies.IMarketView view, int id)
    {
        int last = view.Length(id) - 1;
        return new Bar(view.Time(id)[last], view.Open(id)[last], view.High(id)[last], view.Low(id)[last], view.Close(id)[last], view.Volume(id)[last]);
    }
}

/// <summary>One prediction of the ML strategy.</summary>
/// <param name="TimeUtcTicks">Start of the bar the features end with.</param>
/// <param name="SymbolId">Run symbol id.</param>
/// <param name="Prediction">The model's output.</param>
/// <param name="Weight">The target weight the rules gave (before risk limits).</param>
/// <param name="Features">The feature row the model read (float32, plan order).</param>
public sealed record MlPrediction(long TimeUtcTicks, int SymbolId, double Prediction, double Weight, float[] Features);
