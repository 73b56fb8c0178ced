using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Ports;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Risk;
using AlphaTrade.Engine.Strategies;
using AlphaTrade.Engine.Time;

namespace AlphaTrade.Engine.Kernel;

/// <summary>What a <see cref="TradingKernel"/> runs: the ports (feed, execution), the clock, the calendar, the strategies and the account rules.</summary>
public sealed class KernelOptions
{
    /// <summary>Bars in time order.</summary>
    public required IMarketDataFeed Feed { get; init; }

    /// <summary>Where orders go (a simulated venue also implements <see cref="ISimulatedVenue"/>).</summary>
    public required IExecutionClient Execution { get; init; }

    /// <summary>Exchange calendar for session opens and closes.</summary>
    public required ITradingCalendar Calendar { get; init; }

    /// <summary>Strategies, with distinct names; each gets a context and its own books.</summary>
    public required IReadOnlyList<IStrategy> Strategies { get; init; }

    /// <summary>The run's clock, shared with the execution client; the loop moves it.</summary>
    public required SimulatedClock Clock { get; init; }

    /// <summary>Starting cash.</summary>
    public decimal InitialCapital { get; init; } = 1_000_000m;

    /// <summary>Buying-power rules.</summary>
    public MarginPolicy Margin { get; init; } = MarginPolicy.RegT;

    /// <summary>Pre-trade risk gate (default: accept all).</summary>
    public IOrderGate Gate { get; init; } = AcceptAllGate.Instance;

    /// <summary>Short borrow fee accrued at each session close (none in live mode: the broker charges it).</summary>
    public IBorrowFeeModel BorrowFee { get; init; } = NoBorrowFee.Instance;

    /// <summary>Interest on cash accrued at each session close.</summary>
    public IInterestModel Interest { get; init; } = NoInterest.Instance;

    /// <summary>Told at every session close how far the run has come; null for none.</summary>
    public IProgress<Results.RunProgress>? Progress { get; init; }

    /// <summary>Bars of history kept per symbol for strategies.</summary>
    public int HistoryLength { get; init; } = 256;
}
