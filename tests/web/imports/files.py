"""Small export files written for the tests, in each app's format."""

from __future__ import annotations

STRONG_CSV = (
    b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,"
    b"Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    b'2024-03-01 18:00:00,"Legs",45m,"Squat (Barbell)",1,45,8,0,0,"","",\n'
    b'2024-03-01 18:00:00,"Legs",45m,"Squat (Barbell)",2,135,5,0,0,"","",8\n'
    b'2024-03-01 18:00:00,"Legs",45m,"Squat (Barbell)",3,225,3,0,0,"","",9.5\n'
    b'2024-03-03 09:30:00,"Push",1h 5m,"Bench Press (Barbell)",1,135,5,0,0,"felt good","",\n'
    b'2024-03-03 09:30:00,"Push",1h 5m,"Zorbing Press Deluxe",1,20,10,0,0,"","",\n'
)
