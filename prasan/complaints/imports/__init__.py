"""Complaints exported by other systems (the government's 1111 centre, Traffy Fondue), imported as complaints with
their own reference numbers: `tables` reads the file, `systems` knows each system's columns, `run` files them."""
