using System.Collections.Concurrent;
using Marsad.Storage;

namespace Marsad.Web;

/// <summary>
/// Open stores shared by requests. A store holds one connection and is not thread-safe, so each
/// request rents one for its duration; opening per request would re-run the schema check every time.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly string _db;
    private readonly ConcurrentBag<IEventStore> _idle = [];
    private readonly int _maxIdle;
    private bool _disposed;

    public StorePool(string db, int maxIdle = 8)
    {
        _db = db;
        _maxIdle = maxIdle;
        // Opening one now makes a wrong --db fail at start-up with the store's own message, not on the first request.
        var first = EventStores.Open(db);
        Location = first.Location;
        _idle.Add(first);
    }

    /// <summary>What the store writes to (file path or host:port/database).</summary>
    public string Location { get; }

    public Lease Rent() => new(this, _idle.TryTake(out var store) ? store : EventStores.Open(_db));

    private void Return(IEventStore store)
    {
        if (_disposed || _idle.Count >= _maxIdle)
            store.Dispose();
        else
            _idle.Add(store);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var store))
            store.Dispose();
    }

    /// <summary>A rented store; disposing it gives it back.</summary>
    public sealed class Lease(StorePool pool, IEventStore store) : IDisposable
    {
        private bool _returned;

        public IEventStore Store { get; } = store;

        public void Dispose()
        {
            if (_returned)
                return;
            _returned = true;
            pool.Return(Store);
        }
    }
}
