"use server";

import { createUser } from "@/lib/auth/create-user";
import { setUserActive, setUserClinician, updateUserProfile, updateUserRoles } from "@/lib/auth/manage-users";
import { createUserSchema, setUserActiveSchema, setUserClinicianSchema, updateUserProfileSchema, updateUserRolesSchema } from "@/lib/auth/user-schemas";
import { getDb } from "@/lib/db/client";
import { action } from "@/lib/actions/action-wrapper";

export const createUserAction = action("users.create", ["ADMIN"], createUserSchema, (admin, input) => createUser(getDb(), input, admin.id));

export const updateUserProfileAction = action("users.updateProfile", ["ADMIN"], updateUserProfileSchema, (admin, input) => updateUserProfile(getDb(), admin, input));

export const updateUserRolesAction = action("users.updateRoles", ["ADMIN"], updateUserRolesSchema, (admin, input) => updateUserRoles(getDb(), admin, input));

export const setUserActiveAction = action("users.setActive", ["ADMIN"], setUserActiveSchema, (admin, input) => setUserActive(getDb(), admin, input));

export const setUserClinicianAction = action("users.setClinician", ["ADMIN"], setUserClinicianSchema, (admin, input) => setUserClinician(getDb(), admin, input));
