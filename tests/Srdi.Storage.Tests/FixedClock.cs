namespace Srdi.Storage.Tests;

/// <summary>A clock that says what the test tells it; whole seconds, so both databases keep it exactly.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
