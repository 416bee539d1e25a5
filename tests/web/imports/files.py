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

# Hevy's measurement_data.csv: weight in kg beside circumferences in inches. Two readings on
# 14 Jan (the later weight wins); both biceps (the right is kept); shoulder, forearms and abdomen
# have no Liftwell field.
HEVY_MEASUREMENTS = (
    b'"date","weight_kg","fat_percent","neck_in","shoulder_in","chest_in","left_bicep_in",'
    b'"right_bicep_in","left_forearm_in","right_forearm_in","abdomen_in","waist_in","hips_in",'
    b'"left_thigh_in","right_thigh_in","left_calf_in","right_calf_in"\n'
    b'"26 Jan 2025, 00:00",77.79,22.3,,,,,,,,,,,,,,\n'
    b'"14 Jan 2025, 08:00",78.1,,,,,,,,,,,,,,,\n'
    b'"14 Jan 2025, 00:00",78.7,,15,48,40,13.5,14,11,11,34,32,38,,23,,15\n'
)

# FitNotes' body tracker: one measurement a row, pounds; a typo (1675 lbs) and a name with no field.
FITNOTES_BODY = (
    b"Date,Time,Measurement,Value,Unit\n"
    b"2018-07-30,12:18:42,Bodyweight,167.0,lbs\n"
    b"2018-07-30,07:00:00,Body Fat,18.5,%\n"
    b"2018-08-06,12:03:13,Bodyweight,167.5,lbs\n"
    b"2018-08-06,12:03:13,Waist,86,cm\n"
    b"2018-08-09,12:41:22,Bodyweight,1675,lbs\n"
    b"2018-08-10,10:00:00,Shoulders,120,cm\n"
)
