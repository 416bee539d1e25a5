"""Running Liftwell for many people: request logs, /metrics, the shared cache and the `bench` seeder."""
