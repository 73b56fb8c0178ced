namespace AlphaTrade.Engine.Results;

/// <summary>How far a run has come, reported at each session close.</summary>
/// <param name="SessionDate">The session just closed.</param>
/// <param name="BarsProcessed">Symbol-bars processed so far.</param>
public readonly record struct RunProgress(DateOnly SessionDate, long BarsProcessed);
