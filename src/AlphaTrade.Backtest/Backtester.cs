using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Kernel;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Risk;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Engine.Time;

namespace AlphaTrade.Backtest;

/// <summary>Everything an event-driven backtest needs.</summary>
public sealed class BacktestSpec
{
    /// <summary>Loaded bars, one series per symbol (symbol ids follow this order).</summary>
    public required IReadOnlyList<BarSeries> Bars { get; init; }

    /// <summary>Exchange calendar.</summary>
    public required ITradingCalendar Calendar { get; init; }

    /// <summary>Strategies (distinct names).</summary>
    public required IReadOnlyList<IStrategy> Strategies { get; init; }

    /// <summary>Starting cash.</summary>
    public decimal InitialCapital { get; init; } = 1_000_000m;

    /// <summary>Buying-power rules.</summary>
    public MarginPolicy Margin { get; init; } = MarginPolicy.RegT;

    /// <summary>Cost settings (used unless <see cref="CostModels"/> is set).</summary>
    public CostOptions Costs { get; init; } = CostOptions.Default;

    /// <summary>Custom cost models, overriding <see cref="Costs"/>.</summary>
    public CostModels? CostModels { get; init; }

    /// <summary>Fill rules of the simulated venue (participation cap, seed...).</summary>
    public VenueOptions Venue { get; init; } = new();

    /// <summary>Pre-trade risk gate.</summary>
    public IOrderGate Gate { get; init; } = AcceptAllGate.Instance;

    /// <summary>First bar start to include (UTC), or null for the first bar.</summary>
    public DateTime? StartUtc { get; init; }

    /// <summary>Bar starts before this instant (UTC) are included, or null for all.</summary>
    public DateTime? EndUtc { get; init; }

    /// <summary>Told at every session close how far the run has come; null for none.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Bars of history per symbol for strategies.</summary>
    public int HistoryLength { get; init; } = 256;

    /// <summary>The cost models the run uses.</summary>
    public CostModels ResolveCosts() => CostModels ?? Engine.Costs.CostModels.FromOptions(Costs);
}

/// <summary>Runs event-driven backtests: the kernel over a historical feed and the simulated venue.</summary>
public static class Backtester
{
    /// <summary>Runs <paramref name="spec"/> and returns the in-memory results (write them with <see cref="Results.ResultsWriter"/>).</summary>
    public static RunResult Run(BacktestSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var feed = new BarSeriesFeed(spec.Bars, spec.StartUtc, spec.EndUtc);
        feed.TryPeekNextStart(out long first);
        var clock = new SimulatedClock(first == long.MaxValue ? 0 : first);
        var costs = spec.ResolveCosts();
        var broker = new SimulatedBroker(feed.Symbols, spec.Calendar, feed.TimeFrame, clock, costs, spec.Venue);
        var kernel = new TradingKernel(new KernelOptions
        {
            Feed = feed,
            Execution = broker,
            Calendar = spec.Calendar,
            Strategies = spec.Strategies,
            Clock = clock,
            InitialCapital = spec.InitialCapital,
            Margin = spec.Margin,
            Gate = spec.Gate,
            BorrowFee = costs.BorrowFee,
            Interest = costs.Interest,
            HistoryLength = spec.HistoryLength,
            Progress = spec.Progress,
        });
        return kernel.Run();
    }
}
