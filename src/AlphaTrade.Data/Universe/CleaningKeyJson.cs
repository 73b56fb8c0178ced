using System.Text.Json.Serialization;
using AlphaTrade.Data.Quality;

namespace AlphaTrade.Data.Universe;

/// <summary>
/// Compile-time JSON metadata for the cleaning settings in the cache key: the same text as reflection-based
/// serialization with default options (tested), without its first-use cost in a short command.
/// </summary>
[JsonSerializable(typeof(BarCleanerOptions))]
internal sealed partial class CleaningKeyJson : JsonSerializerContext;
